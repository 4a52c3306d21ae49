package io.nexussync.observe;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nexussync.extract.DocumentEntity;
import io.nexussync.pipeline.DocumentChange;

/** The bridge's own Prometheus metrics, named {@code vectorizer_nexus_*}. */
public final class SyncMetrics {

    private final MeterRegistry registry;
    private final Timer webhookLatency;
    private final DistributionSummary batchSize;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.webhookLatency = Timer.builder("vectorizer.nexus.webhook.latency")
                .description("Time from receiving a webhook to answering it")
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100))
                .register(registry);
        this.batchSize = DistributionSummary.builder("vectorizer.nexus.batch.size")
                .description("Documents per batch written to Nexus").register(registry);
    }

    /** One document change settled with {@code status}: applied, retried, dead_lettered, deferred or skipped. */
    public void sync(String collection, String status) {
        Counter.builder("vectorizer.nexus.sync").description("Document changes settled, by outcome")
                .tag("collection", collection).tag("status", status).register(registry).increment();
    }

    public void error(String collection, String errorType) {
        Counter.builder("vectorizer.nexus.sync.errors").description("Document changes that failed, by error type")
                .tag("collection", collection).tag("error_type", errorType).register(registry).increment();
    }

    /** Time from acceptance to being visible in Nexus. */
    public void syncDuration(String collection, long millis) {
        Timer.builder("vectorizer.nexus.sync.duration").description("Time from acceptance to being applied in Nexus")
                .tag("collection", collection).register(registry).record(Duration.ofMillis(Math.max(0, millis)));
    }

    /** A document applied with its domains and entities: documents per primary domain, entities per type. */
    public void classified(DocumentChange change) {
        if (change.classification() != null) {
            Counter.builder("vectorizer.nexus.documents.classified")
                    .description("Documents applied to the graph, by primary domain")
                    .tag("domain", change.domain()).register(registry).increment();
        }
        if (change.entities() != null) {
            for (DocumentEntity entity : change.entities()) {
                Counter.builder("vectorizer.nexus.entities.extracted")
                        .description("Entities extracted from applied documents (one per document and entity), by type")
                        .tag("entity_type", entity.type()).register(registry).increment();
            }
        }
    }

    /**
     * Edges written between documents, by relationship type (SIMILAR_TO, or a copied Vectorizer edge type). Exported as
     * {@code vectorizer_nexus_relationships_total}: OpenMetrics reserves a counter's {@code _created} suffix.
     */
    public void relationships(String type, int count) {
        Counter.builder("vectorizer.nexus.relationships.created")
                .description("Document-to-document edges written, by relationship type")
                .tag("type", type).register(registry).increment(count);
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public void webhookLatency(long nanos) {
        webhookLatency.record(Duration.ofNanos(nanos));
    }

    /**
     * Time a proxied request spent in the bridge besides waiting for Vectorizer (routing, forwarding, for writes the
     * durable inbox commit), by {@code kind} read or write.
     */
    public void proxyOverhead(String kind, long nanos) {
        Timer.builder("vectorizer.nexus.proxy.overhead")
                .description("Time a proxied request spent in the bridge, not counting Vectorizer's own time")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100))
                .register(registry).record(Duration.ofNanos(Math.max(0, nanos)));
    }

    /** Events the proxy committed to the inbox for writes it forwarded. */
    public void proxyEvents(int events) {
        Counter.builder("vectorizer.nexus.proxy.events").description("Events recorded for writes made through the proxy")
                .register(registry).increment(events);
    }

    public void accepted(int events) {
        Counter.builder("vectorizer.nexus.webhook.events").description("Events accepted into the inbox")
                .register(registry).increment(events);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }
}
