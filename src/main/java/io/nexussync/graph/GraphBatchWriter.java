package io.nexussync.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nexussync.classify.Classification;
import io.nexussync.extract.DocumentEntity;
import io.nexussync.pipeline.DocumentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of document changes to Nexus as batched UNWIND statements. When Nexus refuses a batch, each change is
 * written alone so that one poison document fails by itself and never holds back the others. Unavailability is not
 * handled here: it propagates to the route's redelivery and circuit breaker.
 */
public final class GraphBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphBatchWriter.class);

    /** A change with the node properties it will write. */
    private record Prepared(AppliedChange applied, Map<String, Object> properties) {
    }

    private final NexusClient client;
    private final DocumentProperties properties;
    private final Clock clock;

    public GraphBatchWriter(NexusClient client, DocumentProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    public BatchOutcome write(List<DocumentChange> batch) {
        long now = clock.millis();
        List<Prepared> prepared = new ArrayList<>(batch.size());
        List<FailedChange> failed = new ArrayList<>();
        for (DocumentChange change : batch) {
            try {
                prepared.add(prepare(change, now));
            } catch (RuntimeException e) {
                failed.add(new FailedChange(change, "cannot map document: " + e.getMessage(), "mapping", false));
            }
        }
        try {
            send(prepared);
            return new BatchOutcome(prepared.stream().map(Prepared::applied).toList(), failed);
        } catch (NexusQueryException e) {
            if (prepared.size() == 1) {
                failed.add(refused(prepared.get(0), e));
                return new BatchOutcome(List.of(), failed);
            }
            LOG.warn("Nexus refused a batch of {} documents ({}); writing them one by one", prepared.size(),
                    e.getMessage());
            return isolate(prepared, failed);
        }
    }

    private BatchOutcome isolate(List<Prepared> prepared, List<FailedChange> failed) {
        List<AppliedChange> applied = new ArrayList<>();
        for (Prepared one : prepared) {
            try {
                send(List.of(one));
                applied.add(one.applied());
            } catch (NexusQueryException e) {
                failed.add(refused(one, e));
            }
        }
        return new BatchOutcome(applied, failed);
    }

    private void send(List<Prepared> changes) {
        GraphStatements.BatchRows rows = new GraphStatements.BatchRows();
        Map<String, Map<String, Object>> domains = new LinkedHashMap<>();
        Map<String, Map<String, Object>> subdomains = new LinkedHashMap<>();
        Map<String, Map<String, Object>> entities = new LinkedHashMap<>();
        for (Prepared p : changes) {
            DocumentChange change = p.applied().change();
            if (change.isDelete()) {
                rows.deletedUids().add(change.uid());
                continue;
            }
            if (change.classification() != null && change.replacesEdges()) {
                rows.deletedUids().add(change.uid());
            }
            rows.documents().add(GraphStatements.upsertRow(change.uid(), p.properties()));
            if (change.classification() != null) {
                for (Classification.DomainScore score : change.classification().domains()) {
                    String key = addDomain(change.tenant(), score.key(), domains, subdomains);
                    rows.belongsTo().add(Map.of("uid", change.uid(), "domain", key,
                            "confidence", score.confidence()));
                }
            }
            if (change.entities() != null) {
                for (DocumentEntity e : change.entities()) {
                    entities.putIfAbsent(e.key(), Map.of("key", e.key(), "props",
                            Map.of("tenant", change.tenant(), "type", e.type(), "name", e.name())));
                    rows.mentions().add(Map.of("uid", change.uid(), "entity", e.key(), "count", (long) e.count(),
                            "confidence", e.confidence()));
                }
            }
        }
        rows.domains().addAll(domains.values());
        rows.subdomains().addAll(subdomains.values());
        rows.entities().addAll(entities.values());
        for (CypherStatement statement : GraphStatements.forBatch(rows)) {
            client.execute(statement);
        }
    }

    /** Adds the domain node {@code tenant/path}, its ancestors and the hierarchy between them; returns its key. */
    private static String addDomain(String tenant, String path, Map<String, Map<String, Object>> domains,
            Map<String, Map<String, Object>> subdomains) {
        String key = tenant + "/" + path;
        domains.putIfAbsent(key, Map.of("key", key, "props", Map.of("tenant", tenant, "name", path)));
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            String parentKey = addDomain(tenant, path.substring(0, slash), domains, subdomains);
            subdomains.putIfAbsent(key, Map.of("child", key, "parent", parentKey));
        }
        return key;
    }

    private Prepared prepare(DocumentChange change, long now) {
        if (change.isDelete()) {
            return new Prepared(new AppliedChange(change, null, Set.of(), now), Map.of());
        }
        DocumentProperties.Mapped m = properties.map(change, now);
        return new Prepared(new AppliedChange(change, m.contentHash(), m.payloadKeys(), now), m.properties());
    }

    private static FailedChange refused(Prepared prepared, NexusQueryException e) {
        return new FailedChange(prepared.applied().change(), e.getMessage(), "nexus-query", true);
    }
}
