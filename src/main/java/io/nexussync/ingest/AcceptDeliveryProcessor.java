package io.nexussync.ingest;

import java.time.Clock;
import java.util.Map;

import io.nexussync.http.ApiException;
import io.nexussync.http.JsonReply;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.DurableCommits;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Commits a validated delivery to the inbox and only then answers 202; a known webhook id is answered 200 as a
 * duplicate, and a full inbox 503 with Retry-After.
 */
public final class AcceptDeliveryProcessor implements Processor {

    private final InboxRepository inbox;
    private final DurableCommits durable;
    private final InboxDepth depth;
    private final long maxDepth;
    private final long fullRetryAfterSeconds;
    private final String tenant;
    private final SyncMetrics metrics;
    private final Clock clock;

    public AcceptDeliveryProcessor(InboxRepository inbox, DurableCommits durable, InboxDepth depth, long maxDepth, long fullRetryAfterSeconds,
            String tenant, SyncMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.durable = durable;
        this.depth = depth;
        this.maxDepth = maxDepth;
        this.fullRetryAfterSeconds = fullRetryAfterSeconds;
        this.tenant = tenant;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        ParsedDelivery delivery = exchange.getIn().getBody(ParsedDelivery.class);
        if (depth.get() + delivery.entries().size() > maxDepth) {
            throw new ApiException(503, "inbox is full", null, fullRetryAfterSeconds);
        }
        String webhookId = exchange.getProperty(SignatureCheckProcessor.WEBHOOK_ID, String.class);
        boolean accepted = inbox.accept(tenant, webhookId, delivery.entries(), "webhook", clock.millis());
        if (accepted) {
            durable.await();
            depth.add(delivery.entries().size());
            metrics.accepted(delivery.eventCount());
            JsonReply.send(exchange, 202, Map.of("accepted", delivery.eventCount()));
        } else {
            JsonReply.send(exchange, 200, Map.of("accepted", 0, "duplicate", true));
        }
        Long received = exchange.getProperty(WebhookRequestGuard.RECEIVED_NANOS, Long.class);
        if (received != null) {
            metrics.webhookLatency(System.nanoTime() - received);
        }
    }
}
