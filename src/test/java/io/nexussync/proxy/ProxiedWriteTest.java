package io.nexussync.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which inbox events each proxied Vectorizer 3.5 write produces, from fixture requests and answers. */
class ProxiedWriteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ProxiedWrite mapper = new ProxiedWrite("default");

    @Test
    void should_record_every_chunk_id_of_an_insert_from_the_answer() {
        ProxiedWrite.Mapping m = map("POST", "/insert", "insert-request", "insert-response");
        assertThat(m.entries()).extracting(InboxEntry::collection, InboxEntry::vectorId, InboxEntry::operation)
                .containsExactly(tuple("docs", "doc:42#0", Operation.UPSERT), tuple("docs", "doc:42#1",
                        Operation.UPSERT), tuple("docs", "doc:42#2", Operation.UPSERT));
        assertThat(m.reconcile()).isEmpty();
        assertThat(json(m.entries().get(0).eventJson())).isEqualTo(json(
                "{\"event\":\"VectorUpdated\",\"collection\":\"docs\",\"vector_id\":\"doc:42#0\"}"));
        assertThat(m.entries().get(0).uid()).isEqualTo("default/docs/doc:42#0");
    }

    @Test
    void should_record_the_ids_of_items_that_went_in_for_insert_texts_and_batch_insert() {
        for (String path : List.of("/insert_texts", "/batch_insert")) {
            assertThat(ids(map("POST", path, "insert-texts-request", "insert-texts-response")))
                    .containsExactly("a", "b#0", "b#1", "0b7f6a3e-8a51-4d6e-9d61-2f4c1b0e9a11");
        }
    }

    @Test
    void should_skip_failed_items_of_insert_vectors() {
        ProxiedWrite.Mapping m = map("POST", "/insert_vectors", "insert-vectors-request", "insert-vectors-response");
        assertThat(m.entries()).extracting(InboxEntry::collection, InboxEntry::vectorId, InboxEntry::eventType)
                .containsExactly(tuple("vecs", "v1", "VectorUpdated"));
    }

    @Test
    void should_record_updated_ids_of_a_batch_update_and_fall_back_to_the_request() {
        assertThat(ids(map("POST", "/batch_update", "batch-update-request", "batch-update-response")))
                .containsExactly("a");
        ProxiedWrite.Mapping fallback = mapper.map("POST", "/batch_update", fixture("batch-update-request"),
                "{\"collection\":\"docs\",\"updated\":2}".getBytes());
        assertThat(ids(fallback)).containsExactly("a", "missing");
        assertThat(fallback.entries()).allMatch(e -> e.operation() == Operation.UPSERT);
    }

    @Test
    void should_record_deleted_ids_of_a_batch_delete_as_deletes() {
        ProxiedWrite.Mapping m = map("POST", "/batch_delete", "batch-delete-request", "batch-delete-response");
        assertThat(m.entries()).extracting(InboxEntry::vectorId, InboxEntry::operation, InboxEntry::eventType)
                .containsExactly(tuple("a", Operation.DELETE, "VectorDeleted"),
                        tuple("b#0", Operation.DELETE, "VectorDeleted"));
        assertThat(ids(mapper.map("POST", "/batch_delete", fixture("batch-delete-request"), "{}".getBytes())))
                .containsExactly("a", "b#0", "nope");
    }

    @Test
    void should_record_a_delete_of_one_vector_by_path_with_decoded_segments() {
        ProxiedWrite.Mapping m = mapper.map("DELETE", "/collections/my%20docs/vectors/doc%3A42%231", new byte[0],
                fixture("delete-vector-response"));
        assertThat(m.entries()).extracting(InboxEntry::collection, InboxEntry::vectorId, InboxEntry::operation)
                .containsExactly(tuple("my docs", "doc:42#1", Operation.DELETE));
    }

    @Test
    void should_record_qdrant_upserts_as_full_events_with_the_request_payload_and_vector() {
        ProxiedWrite.Mapping m = map("PUT", "/qdrant/collections/qd/points", "qdrant-upsert-request",
                "qdrant-upsert-response");
        assertThat(ids(m)).containsExactly("7", "3f1c9a52-0c7e-4d7f-9a44-6a1f0b2c8d11");
        assertThat(json(m.entries().get(0).eventJson())).isEqualTo(json("{\"event\":\"VectorUpdated\","
                + "\"collection\":\"qd\",\"vector_id\":\"7\",\"payload\":{\"title\":\"seven\",\"content\":"
                + "\"numbered point\"},\"vector\":[0.5,0.5,0.0]}"));
        // no payload in the request: an empty one, so the pipeline does not hydrate a point not yet stored
        assertThat(json(m.entries().get(1).eventJson()).get("payload").isEmpty()).isTrue();
    }

    @Test
    void should_record_qdrant_deletes_by_id_and_reconcile_deletes_by_filter() {
        ProxiedWrite.Mapping byId = mapper.map("POST", "/qdrant/collections/qd/points/delete",
                fixture("qdrant-delete-request"), "{\"status\":\"acknowledged\"}".getBytes());
        assertThat(byId.entries()).extracting(InboxEntry::vectorId, InboxEntry::operation)
                .containsExactly(tuple("7", Operation.DELETE),
                        tuple("3f1c9a52-0c7e-4d7f-9a44-6a1f0b2c8d11", Operation.DELETE));
        ProxiedWrite.Mapping byFilter = mapper.map("POST", "/qdrant/collections/qd/points/delete",
                fixture("qdrant-delete-filter-request"), "{}".getBytes());
        assertThat(byFilter.entries()).isEmpty();
        assertThat(byFilter.reconcile()).containsExactly("qd");
        assertThat(byFilter.trigger()).isEqualTo("proxy:qdrant_delete_by_filter");
    }

    @Test
    void should_reconcile_writes_that_name_no_ids() {
        ProxiedWrite.Mapping filter = mapper.map("POST", "/collections/docs/vectors/delete_by_filter",
                "{\"filter\":{\"must\":[]}}".getBytes(), "{}".getBytes());
        assertThat(filter.reconcile()).containsExactly("docs");
        assertThat(filter.trigger()).isEqualTo("proxy:delete_by_filter");
        assertThat(mapper.map("POST", "/collections/docs/vectors/bulk_update_metadata", "{}".getBytes(),
                "{}".getBytes()).trigger()).isEqualTo("proxy:bulk_update_metadata");
        assertThat(mapper.map("DELETE", "/collections/docs", new byte[0], "{}".getBytes()).reconcile())
                .containsExactly("docs");
        // an insert whose answer cannot be read: the ids are unknown, so the collection is reconciled
        assertThat(mapper.map("POST", "/insert", fixture("insert-request"), "not json".getBytes()).reconcile())
                .containsExactly("docs");
    }

    @Test
    void should_record_nothing_for_reads() {
        assertThat(mapper.map("POST", "/search", "{\"collection\":\"docs\"}".getBytes(), "{}".getBytes()).isEmpty())
                .isTrue();
        assertThat(mapper.map("POST", "/qdrant/collections/qd/points", fixture("qdrant-delete-request"),
                "{\"result\":[]}".getBytes()).isEmpty()).isTrue();
        assertThat(mapper.map("GET", "/collections/docs/vectors/x", new byte[0], "{}".getBytes()).isEmpty()).isTrue();
        assertThat(mapper.map("POST", "/update", "{\"collection\":\"docs\"}".getBytes(), "{}".getBytes()).isEmpty())
                .isTrue();
        assertThat(ProxiedWrite.isWrite("POST", "/qdrant/collections/qd/points/scroll")).isFalse();
        assertThat(ProxiedWrite.isWrite("PUT", "/qdrant/collections/qd/points")).isTrue();
    }

    private ProxiedWrite.Mapping map(String method, String path, String request, String response) {
        return mapper.map(method, path, fixture(request), fixture(response));
    }

    private static List<String> ids(ProxiedWrite.Mapping mapping) {
        return mapping.entries().stream().map(InboxEntry::vectorId).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = ProxiedWriteTest.class.getResourceAsStream("/fixtures/proxy/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }

    @Test
    void should_record_encrypted_qdrant_upserts_thin_so_their_plaintext_never_reaches_the_graph() {
        ProxiedWrite.Mapping m = new ProxiedWrite("default").map("PUT", "/qdrant/collections/secret/points",
                ("{\"points\":[{\"id\":7,\"vector\":[1,0],\"payload\":{\"ssn\":\"123\"}}],"
                 + "\"public_key\":\"BASE64KEY\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{\"status\":\"acknowledged\",\"operation_id\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.entries()).singleElement().satisfies(e -> {
            assertThat(e.vectorId()).isEqualTo("7");
            assertThat(e.eventJson()).doesNotContain("ssn").doesNotContain("payload");
        });
    }

    @Test
    void should_name_the_collection_of_a_write_from_its_path_or_body() {
        assertThat(ProxiedWrite.collectionOf("/collections/c1/vectors/x", new byte[0])).isEqualTo("c1");
        assertThat(ProxiedWrite.collectionOf("/qdrant/collections/c2/points", new byte[0])).isEqualTo("c2");
        assertThat(ProxiedWrite.collectionOf("/insert", "{\"collection\":\"c3\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("c3");
        assertThat(ProxiedWrite.collectionOf("/insert", "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNull();
    }
}
