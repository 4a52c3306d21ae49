package io.nexussync.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.Events;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Documents from webhook to graph: properties, updates, deletes, ordering and batching, through the real routes. */
@CamelMainTest(mainClass = Application.class, properties = {"batch.max-size=100"})
class SyncFlowRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void should_write_a_document_node_with_sync_properties_and_short_payload_fields() {
        String body = "{\"event\":\"VectorInserted\",\"collection\":\"flow_props\",\"vector_id\":\"contract-17#0\","
                      + "\"payload\":{\"content\":\"The long text of the contract\",\"title\":\"MSA\","
                      + "\"doc_type\":\"contract\",\"file_path\":\"/c/17.pdf\",\"pages\":12,\"tags\":[\"x\"]}}";
        assertThat(sender.send(body).status()).isEqualTo(202);
        Map<String, Object> node = awaitNode("flow_props", "contract-17#0");
        assertThat(node).containsEntry("uid", "default/flow_props/contract-17#0").containsEntry("tenant", "default")
                .containsEntry("collection", "flow_props").containsEntry("parent_id", "contract-17")
                .containsEntry("title", "MSA").containsEntry("doc_type", "contract").containsEntry("domain", "legal/contracts")
                .containsEntry("file_path", "/c/17.pdf").containsEntry("pages", 12L)
                .containsKeys("content_hash", "source_seq", "synced_at").doesNotContainKeys("content", "tags");
        assertThat((String) node.get("content_hash")).hasSize(64);
    }

    @Test
    void should_apply_an_update_and_remove_fields_the_payload_dropped() {
        sender.send(Events.updated("flow_update", "u1", "{\"title\":\"v1\",\"pages\":3,\"author\":\"Ann\"}"));
        awaitNode("flow_update", "u1");
        sender.send(Events.updated("flow_update", "u1", "{\"title\":\"v2\",\"pages\":4}"));
        // the update detaches and merges the node again: between the two statements it is briefly absent
        await().atMost(WAIT).until(() -> "v2".equals(titleOf("flow_update", "u1")));
        assertThat(node("flow_update", "u1")).containsEntry("pages", 4L).doesNotContainKey("author");
    }

    @Test
    void should_delete_a_document() {
        sender.send(Events.inserted("flow_delete", "d1", "Doomed"));
        awaitNode("flow_delete", "d1");
        assertThat(sender.send(Events.deleted("flow_delete", "d1")).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> documents("flow_delete") == 0);
    }

    @Test
    void should_apply_changes_of_one_document_in_acceptance_order() {
        String c = "flow_order";
        sender.send(Events.envelope(List.of(Events.inserted(c, "o1", "first"), Events.deleted(c, "o1"))));
        sender.send(Events.envelope(List.of(Events.inserted(c, "o2", "first"), Events.deleted(c, "o2"),
                Events.updated(c, "o2", "{\"title\":\"last\"}"))));
        for (int i = 0; i < 20; i++) {
            sender.send(Events.updated(c, "o3", "{\"title\":\"t" + i + "\"}"));
        }
        sender.send(Events.inserted(c, "marker", "marker"));
        await().atMost(WAIT).until(() -> node(c, "marker") != null && "t19".equals(titleOf(c, "o3")));
        assertThat(node(c, "o1")).isNull();
        assertThat(titleOf(c, "o2")).isEqualTo("last");
        assertThat(documents(c)).isEqualTo(3);
    }

    @Test
    void should_sync_thousands_of_documents_in_batches_without_duplicates() {
        String c = "flow_bulk";
        for (int from = 0; from < 3000; from += 1000) {
            assertThat(sender.send(Events.insertRange(c, "b", from, from + 1000)).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> documents(c) == 3000);
        assertThat(env.nexus().count("MATCH (d:Document {collection: $c}) RETURN count(DISTINCT d.uid)",
                Map.of("c", c))).isEqualTo(3000);
        assertThat(env.nexus().requests().queries()).anyMatch(q -> q.startsWith("UNWIND $rows AS row MERGE"));
    }

    @Test
    void should_hydrate_thin_batch_sync_events_from_vectorizer() {
        env.vectorizer().createCollection("flow_thin", 4);
        env.vectorizer().put("flow_thin", "t1", new float[] {1, 0, 0, 0}, Map.of("title", "First"));
        env.vectorizer().put("flow_thin", "t2#0", new float[] {0, 1, 0, 0}, Map.of("title", "Second", "pages", 2));
        sender.send("{\"event\":\"BatchSync\",\"collection\":\"flow_thin\",\"vector_ids\":[\"t1\",\"t2#0\"]}");
        await().atMost(WAIT).until(() -> documents("flow_thin") == 2);
        assertThat(node("flow_thin", "t2#0")).containsEntry("parent_id", "t2").containsEntry("title", "Second")
                .containsEntry("pages", 2L);
        assertThat(node("flow_thin", "t1")).containsEntry("title", "First");
    }

    @Test
    void should_send_payload_values_only_as_parameters() {
        String marker = "Robert'); MATCH (n) DETACH DELETE n; //";
        sender.send(Events.updated("flow_params", "p1", "{\"title\":\"" + marker.replace("\"", "\\\"") + "\"}"));
        await().atMost(WAIT).until(() -> marker.equals(titleOf("flow_params", "p1")));
        assertThat(env.nexus().requests().queries()).noneMatch(q -> q.contains("Robert"));
    }

    private Map<String, Object> awaitNode(String collection, String vectorId) {
        await().atMost(WAIT).until(() -> node(collection, vectorId) != null);
        return node(collection, vectorId);
    }

    private Map<String, Object> node(String collection, String vectorId) {
        List<Map<String, Object>> rows = env.nexus().query("MATCH (d:Document {collection: $c, vector_id: $v}) "
                + "RETURN properties(d) AS p", Map.of("c", collection, "v", vectorId));
        return rows.isEmpty() ? null : castMap(rows.get(0).get("p"));
    }

    private String titleOf(String collection, String vectorId) {
        Map<String, Object> n = node(collection, vectorId);
        return n == null ? null : (String) n.get("title");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
