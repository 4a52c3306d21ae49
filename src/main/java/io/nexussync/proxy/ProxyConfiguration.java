package io.nexussync.proxy;

import java.time.Clock;

import io.nexussync.config.SettingsReader;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of the write-through proxy {@code /vectorizer/**}. */
public class ProxyConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public ProxySettings proxySettings(CamelContext context) {
        return ProxySettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public ForwardToVectorizerProcessor proxyForwarder(VectorizerClient vectorizer, ReconcileRequests reconcile,
            InboxDepth depth, InboxSettings inboxSettings) {
        return new ForwardToVectorizerProcessor(vectorizer, reconcile, depth, inboxSettings.maxDepth(),
                inboxSettings.fullRetryAfterSeconds());
    }

    @BindToRegistry(lazy = true)
    public ReconcileRequests reconcileRequests(CamelContext context) {
        return new ReconcileRequests(context.createProducerTemplate());
    }

    @BindToRegistry(lazy = true)
    public RecordProxiedWriteProcessor proxyWriteRecorder(ProxySettings settings, StateStore store,
            InboxRepository inbox, DurableCommits durable, InboxDepth depth, ReconcileRequests reconcile,
            SyncMetrics metrics, Clock clock) {
        return new RecordProxiedWriteProcessor(new ProxiedWrite(settings.tenant()), store, inbox, durable, depth,
                reconcile, metrics, clock);
    }

    @BindToRegistry(lazy = true)
    public ReplyProxiedAnswerProcessor proxyReply(SyncMetrics metrics) {
        return new ReplyProxiedAnswerProcessor(metrics);
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("proxySettings", ProxySettings.class);
    }
}
