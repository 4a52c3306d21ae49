package io.nexussync.observe;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nexussync.deadletter.DeadLetterRepository;
import io.nexussync.graph.NexusClient;
import io.nexussync.graph.NexusGate;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.store.StateStore;
import io.nexussync.inbox.InFlightDocuments;
import io.nexussync.inbox.InboxDepth;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/** The bridge's metrics and gauges, in the registry Camel's own metrics use. */
public class ObserveConfiguration implements CamelConfiguration {

    /** Shares the registry camel-micrometer-prometheus serves on /observe/metrics; without it, metrics stay local. */
    @BindToRegistry(lazy = true)
    public SyncMetrics syncMetrics(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        return new SyncMetrics(registry != null ? registry : new SimpleMeterRegistry());
    }

    @BindToRegistry(lazy = true)
    public DatabaseHealthCheck databaseHealthCheck(StateStore store) {
        return new DatabaseHealthCheck(store);
    }

    @BindToRegistry(lazy = true)
    public InboxHealthCheck inboxHealthCheck(InboxDepth depth, InFlightDocuments inFlight, InboxSettings settings) {
        return new InboxHealthCheck(depth, inFlight, settings);
    }

    @BindToRegistry(lazy = true)
    public NexusHealthCheck nexusHealthCheck(CamelContext context, NexusClient client, NexusGate gate, Clock clock) {
        return new NexusHealthCheck(context, client, gate, clock);
    }

    @Override
    public void configure(CamelContext context) {
        var registry = context.getRegistry();
        SyncMetrics metrics = registry.lookupByNameAndType("syncMetrics", SyncMetrics.class);
        InboxDepth depth = registry.lookupByNameAndType("inboxDepth", InboxDepth.class);
        InFlightDocuments inFlight = registry.lookupByNameAndType("inFlightDocuments", InFlightDocuments.class);
        NexusGate gate = registry.lookupByNameAndType("nexusGate", NexusGate.class);
        DeadLetterRepository deadLetters = registry.lookupByNameAndType("deadLetterRepository",
                DeadLetterRepository.class);
        metrics.gauge("vectorizer.nexus.queue.depth", "Events waiting in the inbox", depth::get);
        metrics.gauge("vectorizer.nexus.inflight.documents", "Documents claimed and not yet settled", inFlight::size);
        metrics.gauge("vectorizer.nexus.paused", "1 while the pipeline waits for Nexus", () -> gate.isOpen() ? 0 : 1);
        metrics.gauge("vectorizer.nexus.dlq.size", "Events in the dead-letter table", deadLetters::countAll);
    }
}
