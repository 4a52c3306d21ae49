package io.nexussync.similarity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nexussync.graph.CypherStatement;
import io.nexussync.graph.NexusClient;
import io.nexussync.inbox.DocumentUid;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.SyncState;
import io.nexussync.store.SyncStateRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Writes the neighbours found as edges, one MERGE statement per relationship type, and records which documents now
 * have their edges. SIMILAR_TO is symmetric: one edge per pair, from the smaller uid to the larger, keeping the best
 * score when both ends found each other. Copied Vectorizer edges keep their direction. A task whose document has
 * moved on to a newer version is dropped: that version's own task writes its edges.
 */
public final class WriteSimilarityEdgesProcessor implements Processor {

    static final String MERGE_EDGES = "UNWIND $rows AS row MATCH (a:Document {uid: row.a}), (b:Document {uid: row.b})"
            + " MERGE (a)-[r:%s]->(b) SET r.score = row.score, r.method = row.method, r.computed_at = row.at";

    private final NexusClient nexus;
    private final SyncStateRepository syncStates;
    private final SyncMetrics metrics;
    private final String method;
    private final Clock clock;

    public WriteSimilarityEdgesProcessor(NexusClient nexus, SyncStateRepository syncStates, SyncMetrics metrics,
            String method, Clock clock) {
        this.nexus = nexus;
        this.syncStates = syncStates;
        this.metrics = metrics;
        this.method = method;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<SimilarityTask> tasks = exchange.getIn().getBody(List.class);
        if (tasks == null || tasks.isEmpty()) {
            return;
        }
        long now = clock.millis();
        // a newer version applied since this batch has detached the document; its own task will link it
        Map<String, SyncState> states = syncStates.load(tasks.stream().map(SimilarityTask::uid).toList());
        String edgeMethod = SimilaritySettings.VECTORIZER_GRAPH.equals(method) ? "vectorizer" : method;
        Map<String, Map<String, Map<String, Object>>> rowsByType = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        for (SimilarityTask task : tasks) {
            SyncState state = states.get(task.uid());
            if (task.failed() || state == null || state.deleted() || state.lastSeq() != task.seq()) {
                continue;
            }
            done.add(task.uid());
            for (Neighbour n : task.neighbours()) {
                String other = DocumentUid.of(task.tenant(), task.collection(), n.vectorId());
                String a = task.uid();
                String b = other;
                if ("SIMILAR_TO".equals(n.relationship()) ? a.compareTo(b) > 0 : !n.outgoing()) {
                    a = other;
                    b = task.uid();
                }
                Map<String, Map<String, Object>> rows = rowsByType.computeIfAbsent(n.relationship(),
                        t -> new LinkedHashMap<>());
                String pair = a + "\n" + b;
                Map<String, Object> existing = rows.get(pair);
                if (existing == null || (double) existing.get("score") < n.score()) {
                    rows.put(pair, Map.of("a", a, "b", b, "score", n.score(), "method", edgeMethod, "at", now));
                }
            }
        }
        rowsByType.forEach((type, rows) -> {
            if (!NeighbourFinder.COPYABLE.contains(type)) {
                return;
            }
            nexus.execute(new CypherStatement("merge-" + type.toLowerCase().replace('_', '-'),
                    String.format(MERGE_EDGES, type), Map.of("rows", new ArrayList<>(rows.values()))));
            metrics.relationships(type, rows.size());
        });
        syncStates.similarityComputed(done, now);
    }
}
