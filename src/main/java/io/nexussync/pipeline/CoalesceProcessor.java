package io.nexussync.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.nexussync.inbox.InboxEvent;
import io.nexussync.store.SyncStateRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Turns the claimed events in the body into one change per document, settling stale and unreadable rows at once. */
public final class CoalesceProcessor implements Processor {

    private final Coalescer coalescer;
    private final SyncStateRepository syncStates;
    private final BatchLedger ledger;

    public CoalesceProcessor(Coalescer coalescer, SyncStateRepository syncStates, BatchLedger ledger) {
        this.coalescer = coalescer;
        this.syncStates = syncStates;
        this.ledger = ledger;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<InboxEvent> events = exchange.getIn().getBody(List.class);
        if (events.isEmpty()) {
            return;
        }
        Set<String> uids = new HashSet<>();
        events.forEach(e -> uids.add(e.uid()));
        Coalescer.Result result = coalescer.coalesce(events, syncStates.load(uids));
        if (!result.staleIds().isEmpty() || !result.unreadable().isEmpty()) {
            Set<String> settled = new HashSet<>(uids);
            result.changes().forEach(c -> settled.remove(c.uid()));
            ledger.discard(result.staleIds(), result.unreadable(), settled);
        }
        exchange.getIn().setBody(new ArrayList<>(result.changes()));
    }
}
