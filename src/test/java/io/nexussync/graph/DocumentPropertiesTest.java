package io.nexussync.graph;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.classify.Classification;
import io.nexussync.inbox.Operation;
import io.nexussync.pipeline.DocumentChange;
import io.nexussync.store.SyncState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DocumentPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DocumentProperties properties = new DocumentProperties(new GraphSettings(Set.of("content", "text"),
            20, 5));

    @Test
    void should_map_sync_fields_and_short_payload_scalars() throws Exception {
        DocumentChange change = change("{\"event\":\"VectorInserted\",\"payload\":{\"content\":\"long text\","
                + "\"title\":\"MSA\",\"doc_type\":\"contract\",\"pages\":12,\"score\":0.5,\"signed\":true,"
                + "\"tags\":[\"a\"],\"meta\":{\"x\":1},\"bad key\":\"v\",\"uid\":\"forged\","
                + "\"summary\":\"this string is far longer than twenty characters\"}}", null).withClassification(
                new Classification(List.of(new Classification.DomainScore("general", 1.0))));
        DocumentProperties.Mapped m = properties.map(change, 1234L);
        assertThat(m.properties()).containsOnly(entry("uid", "default/docs/contract-17#0"), entry("tenant", "default"),
                entry("collection", "docs"), entry("vector_id", "contract-17#0"), entry("parent_id", "contract-17"),
                entry("source_seq", 9L), entry("synced_at", 1234L), entry("domain", "general"), entry("title", "MSA"),
                entry("doc_type", "contract"), entry("content_hash", m.contentHash()), entry("pages", 12L),
                entry("score", 0.5), entry("signed", true));
        assertThat(m.payloadKeys()).containsExactly("pages", "score", "signed");
        assertThat(m.contentHash()).hasSize(64);
    }

    @Test
    void should_remove_payload_fields_that_disappeared() throws Exception {
        SyncState before = new SyncState("default/docs/contract-17#0", "default", "docs", "contract-17#0", 3, "h",
                Set.of("pages", "author"), false, 0);
        DocumentProperties.Mapped m = properties.map(change("{\"payload\":{\"pages\":3}}", before), 1L);
        assertThat(m.properties()).containsEntry("pages", 3L).containsEntry("author", null)
                .containsEntry("title", null);
    }

    @Test
    void should_keep_known_fields_for_a_thin_event() throws Exception {
        SyncState before = new SyncState("default/docs/contract-17#0", "default", "docs", "contract-17#0", 3, "h",
                Set.of("pages"), false, 0);
        DocumentProperties.Mapped m = properties.map(change("{\"event\":\"BatchSync\"}", before), 1L);
        assertThat(m.properties()).doesNotContainKeys("pages", "title", "content_hash");
        assertThat(m.payloadKeys()).containsExactly("pages");
        assertThat(m.contentHash()).isEqualTo("h");
    }

    @Test
    void should_hash_equal_payloads_equally_whatever_the_key_order_and_ignore_graph_context() throws Exception {
        String a = DocumentProperties.contentHash((ObjectNode) MAPPER.readTree("{\"a\":1,\"b\":{\"y\":2,\"x\":1}}"));
        String b = DocumentProperties.contentHash((ObjectNode) MAPPER.readTree(
                "{\"b\":{\"x\":1,\"y\":2},\"a\":1,\"_graph\":{\"domain\":\"legal\"}}"));
        String c = DocumentProperties.contentHash((ObjectNode) MAPPER.readTree("{\"a\":2,\"b\":{\"y\":2,\"x\":1}}"));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void should_cap_the_number_of_payload_properties() throws Exception {
        DocumentProperties.Mapped m = properties.map(change("{\"payload\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,"
                + "\"f\":6,\"g\":7}}", null), 1L);
        assertThat(m.payloadKeys()).hasSize(5);
    }

    private static DocumentChange change(String event, SyncState previous) throws Exception {
        return new DocumentChange("default/docs/contract-17#0", "default", "docs", "contract-17#0", Operation.UPSERT,
                "VectorInserted", 9, 0, 9, List.of(), (ObjectNode) MAPPER.readTree(event), "webhook", "msg", 0,
                previous, null, null);
    }
}
