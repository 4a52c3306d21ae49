package io.nexussync.similarity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With similarity.method=vectorizer-graph, Vectorizer's own edges are copied instead of computed. */
@CamelMainTest(mainClass = Application.class, properties = {"similarity.method=vectorizer-graph"})
class VectorizerGraphCopyRouteTest extends RouteTestSupport {

    @Test
    void should_copy_vectorizer_graph_edges_with_their_type_and_direction() {
        String c = "copy_docs";
        env.vectorizer().createCollection(c, 4);
        for (String id : List.of("x", "y", "z")) {
            env.vectorizer().put(c, id, new float[] {1, 0, 0, 0}, Map.of("title", id));
        }
        env.vectorizer().addGraphEdge(c, "y", "x", "REFERENCES", 1.0);
        env.vectorizer().addGraphEdge(c, "z", "y", "SIMILAR_TO", 0.82);
        env.vectorizer().addGraphEdge(c, "z", "x", "SOMETHING_ELSE", 1.0);
        sender.send("{\"event\":\"BatchSync\",\"collection\":\"copy_docs\",\"vector_ids\":[\"x\",\"y\",\"z\"]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> env.database().count("SELECT COUNT(*) FROM sync_state"
                + " WHERE collection = ? AND similarity_at IS NOT NULL", c) == 3);

        List<Map<String, Object>> rows = env.nexus().query("MATCH (a:Document {collection: $c})-[r]->(b:Document)"
                + " RETURN a.vector_id AS a, type(r) AS t, b.vector_id AS b, r.score AS s, r.method AS m"
                + " ORDER BY t", Map.of("c", c));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("a", "y").containsEntry("t", "REFERENCES").containsEntry("b", "x")
                .containsEntry("m", "vectorizer");
        // SIMILAR_TO has no direction of its own: it is stored from the smaller uid to the larger
        assertThat(rows.get(1)).containsEntry("a", "y").containsEntry("t", "SIMILAR_TO").containsEntry("b", "z")
                .containsEntry("s", 0.82);
    }
}
