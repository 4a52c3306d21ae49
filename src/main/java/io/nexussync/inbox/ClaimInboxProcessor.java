package io.nexussync.inbox;

import java.time.Clock;
import java.util.List;

import io.nexussync.graph.NexusGate;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Claims the next due events from the inbox for documents not already in flight, within the in-flight limit and
 * only while Nexus is not paused. Tells the greedy scheduler whether to poll again at once.
 */
public final class ClaimInboxProcessor implements Processor {

    private final InboxRepository inbox;
    private final InFlightDocuments inFlight;
    private final NexusGate gate;
    private final InboxSettings settings;
    private final Clock clock;

    public ClaimInboxProcessor(InboxRepository inbox, InFlightDocuments inFlight, NexusGate gate,
            InboxSettings settings, Clock clock) {
        this.inbox = inbox;
        this.inFlight = inFlight;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        int room = Math.min(settings.pollBatchSize(), settings.maxInFlight() - inFlight.size());
        List<InboxEvent> claimed = List.of();
        if (room > 0 && gate.isOpen()) {
            long now = clock.millis();
            claimed = inbox.claim(room, now, inFlight.uids());
            inFlight.claim(claimed.stream().map(InboxEvent::uid).distinct().toList(), now);
        }
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, !claimed.isEmpty());
        exchange.getIn().setBody(claimed);
    }
}
