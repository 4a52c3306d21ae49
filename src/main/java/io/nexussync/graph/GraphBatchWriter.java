package io.nexussync.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<String> deletes = new ArrayList<>();
        List<Map<String, Object>> upserts = new ArrayList<>();
        for (Prepared p : changes) {
            DocumentChange change = p.applied().change();
            if (change.isDelete()) {
                deletes.add(change.uid());
            } else {
                upserts.add(GraphStatements.upsertRow(change.uid(), p.properties()));
            }
        }
        for (CypherStatement statement : GraphStatements.forBatch(deletes, upserts)) {
            client.execute(statement);
        }
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
