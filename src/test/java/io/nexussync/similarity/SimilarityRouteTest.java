package io.nexussync.similarity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.nexussync.Application;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIMILAR_TO edges from Vectorizer search through the real routes: one edge per pair above the threshold, replaced
 * when a document changes, removed when it is deleted; per-collection thresholds.
 */
@CamelMainTest(mainClass = Application.class, properties = {"similarity.collections=sim_strict=0.99/5"})
class SimilarityRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final float[] A = {1, 0, 0, 0};
    private static final float[] B = {0.95f, 0.312f, 0, 0};   // cosine with A: 0.95
    private static final float[] C = {0, 1, 0, 0};            // with B: 0.31, below the threshold
    private static final float[] D = {0, 0, 1, 0};

    @Test
    void should_link_similar_documents_once_per_pair_and_replace_the_links_when_one_changes() {
        String c = "sim_docs";
        env.vectorizer().createCollection(c, 4);
        env.vectorizer().put(c, "a", A, Map.of("title", "A"));
        env.vectorizer().put(c, "b", B, Map.of("title", "B"));
        env.vectorizer().put(c, "c", C, Map.of("title", "C"));
        env.vectorizer().put(c, "d", D, Map.of("title", "D"));
        // a and b arrive thin (hydrated with their vectors); c and d as full webhooks without a vector
        sender.send("{\"event\":\"BatchSync\",\"collection\":\"sim_docs\",\"vector_ids\":[\"a\",\"b\"]}");
        sender.send(Events.envelope(List.of(Events.inserted(c, "c", "C"), Events.inserted(c, "d", "D"))));
        await().atMost(WAIT).until(() -> similarityDone(c) == 4);

        Map<String, Map<String, Object>> edges = edges(c);
        assertThat(edges).containsOnlyKeys("a->b");
        assertThat((Double) edges.get("a->b").get("score")).isBetween(0.94, 0.96);
        assertThat(edges.get("a->b")).containsEntry("method", "embedding").containsKey("computed_at");
        assertThat(io.nexussync.testing.WebhookSender.get(env.managementUrl() + "/observe/metrics").body())
                .containsPattern("vectorizer_nexus_relationships_total\\{type=\"SIMILAR_TO\"} [1-9]");

        // b moves next to d: its edge to a goes, one to d comes
        env.vectorizer().put(c, "b", D, Map.of("title", "B moved"));
        sender.send("{\"event\":\"BatchSync\",\"collection\":\"sim_docs\",\"vector_ids\":[\"b\"]}");
        await().atMost(WAIT).until(() -> edges(c).containsKey("b->d") && !edges(c).containsKey("a->b"));
        assertThat(edges(c)).containsOnlyKeys("b->d");
        assertThat((Double) edges(c).get("b->d").get("score")).isGreaterThan(0.99);

        // deleting d removes its edges
        env.vectorizer().remove(c, "d");
        sender.send(Events.deleted(c, "d"));
        await().atMost(WAIT).until(() -> edges(c).isEmpty() && documents(c) == 3);
    }

    @Test
    void should_apply_a_collection_threshold_override() {
        String c = "sim_strict";
        env.vectorizer().createCollection(c, 4);
        env.vectorizer().put(c, "a", A, Map.of("title", "A"));
        env.vectorizer().put(c, "b", B, Map.of("title", "B"));
        env.vectorizer().put(c, "a2", A, Map.of("title", "A again"));
        sender.send("{\"event\":\"BatchSync\",\"collection\":\"sim_strict\",\"vector_ids\":[\"a\",\"b\",\"a2\"]}");
        await().atMost(WAIT).until(() -> similarityDone(c) == 3);
        assertThat(edges(c)).containsOnlyKeys("a->a2");
    }

    @Test
    void should_leave_documents_marked_for_reconciliation_when_vectorizer_cannot_search() {
        String c = "sim_down";
        env.vectorizer().createCollection(c, 4);
        env.vectorizer().put(c, "x", A, Map.of("title", "X"));
        env.vectorizer().faults().down();
        try {
            sender.send(Events.envelope(List.of(Events.inserted(c, "x", "X"))));
            await().atMost(WAIT).until(() -> documents(c) == 1);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> similarityDone(c) == 0);
            assertThat(env.database().count("SELECT COUNT(*) FROM sync_state WHERE collection = ?"
                    + " AND similarity_at IS NULL", c)).isEqualTo(1);
        } finally {
            env.vectorizer().faults().up();
        }
    }

    private long similarityDone(String collection) {
        return env.database().count("SELECT COUNT(*) FROM sync_state WHERE collection = ? AND similarity_at IS NOT NULL",
                collection);
    }

    /** SIMILAR_TO edges of a collection as "from->to" vector ids, with their properties. */
    private Map<String, Map<String, Object>> edges(String collection) {
        return env.nexus().query("MATCH (a:Document {collection: $c})-[r:SIMILAR_TO]->(b:Document) RETURN a.vector_id"
                + " AS a, b.vector_id AS b, properties(r) AS p", Map.of("c", collection)).stream()
                .collect(Collectors.toMap(r -> r.get("a") + "->" + r.get("b"),
                        r -> castMap(r.get("p")), (x, y) -> {
                            throw new AssertionError("two SIMILAR_TO edges for one pair in " + collection);
                        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
