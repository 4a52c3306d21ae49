package io.nexussync.proxy;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import io.nexussync.http.ApiException;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Vectorizer accepted a write (2xx), commits its sync events to the inbox, durably, before the client gets the
 * answer; a write that cannot be mapped to ids asks for a reconciliation instead. When the commit fails the client is
 * told that the write was applied but not recorded (503), and its collection is reconciled.
 */
public final class RecordProxiedWriteProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProxiedWriteProcessor.class);

    private final ProxiedWrite mapper;
    private final StateStore store;
    private final InboxRepository inbox;
    private final DurableCommits durable;
    private final InboxDepth depth;
    private final ReconcileRequests reconcile;
    private final SyncMetrics metrics;
    private final Clock clock;

    public RecordProxiedWriteProcessor(ProxiedWrite mapper, StateStore store, InboxRepository inbox,
            DurableCommits durable, InboxDepth depth, ReconcileRequests reconcile, SyncMetrics metrics, Clock clock) {
        this.mapper = mapper;
        this.store = store;
        this.inbox = inbox;
        this.durable = durable;
        this.depth = depth;
        this.reconcile = reconcile;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        ProxiedRequest request = exchange.getProperty(ForwardToVectorizerProcessor.REQUEST, ProxiedRequest.class);
        VectorizerClient.Forwarded answer = exchange.getProperty(ForwardToVectorizerProcessor.ANSWER,
                VectorizerClient.Forwarded.class);
        if (answer.status() / 100 != 2 || !request.isWrite()) {
            return;
        }
        ProxiedWrite.Mapping mapping = mapper.map(request.method(), request.path(), request.body(),
                ForwardedBody.decoded(answer));
        mapping.reconcile().forEach(collection -> reconcile.request(collection, mapping.trigger()));
        if (!mapping.entries().isEmpty()) {
            record(mapping);
        }
    }

    private void record(ProxiedWrite.Mapping mapping) {
        try {
            store.tx().executeWithoutResult(status ->
                    inbox.insert(mapping.entries(), null, InboxEntry.PROXY_SOURCE, null, clock.millis()));
            durable.await();
        } catch (RuntimeException e) {
            Set<String> collections = new LinkedHashSet<>();
            mapping.entries().stream().map(InboxEntry::collection).forEach(collections::add);
            LOG.error("Vectorizer applied a proxied write to {} but its {} sync events could not be recorded;"
                      + " reconciliation requested", collections, mapping.entries().size(), e);
            collections.forEach(c -> reconcile.request(c, "proxy:inbox_failure"));
            throw new ApiException(503, "the write was applied in Vectorizer but could not be recorded for sync;"
                    + " a reconciliation of " + String.join(", ", collections) + " will pick it up");
        }
        depth.add(mapping.entries().size());
        metrics.proxyEvents(mapping.entries().size());
    }
}
