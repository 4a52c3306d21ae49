package io.nexussync.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.nexussync.http.ApiException;
import io.nexussync.inbox.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventParserTest {

    private final WebhookEventParser parser = new WebhookEventParser(1000, "default");

    @Test
    void should_parse_a_single_inserted_event() throws IOException {
        ParsedDelivery delivery = parser.parse(fixture("single-insert.json"));
        assertThat(delivery.eventCount()).isEqualTo(1);
        assertThat(delivery.entries()).singleElement().satisfies(e -> {
            assertThat(e.uid()).isEqualTo("default/legal_docs/contract-17#0");
            assertThat(e.operation()).isEqualTo(Operation.UPSERT);
            assertThat(e.eventJson()).contains("\"title\":\"Master services agreement\"");
        });
    }

    @Test
    void should_parse_an_envelope_and_expand_batch_sync() throws IOException {
        ParsedDelivery delivery = parser.parse(fixture("envelope-mixed.json"));
        assertThat(delivery.eventCount()).isEqualTo(3);
        assertThat(delivery.entries()).extracting(e -> e.vectorId() + ":" + e.operation())
                .containsExactly("a:UPSERT", "b:DELETE", "c#0:UPSERT", "c#1:UPSERT");
    }

    @Test
    void should_name_the_missing_field_of_the_failing_event() {
        assertBadRequest("{\"events\":[{\"event\":\"VectorInserted\",\"collection\":\"c\",\"vector_id\":\"a\"},"
                + "{\"event\":\"VectorInserted\",\"collection\":\"c\"}]}", "events[1].vector_id");
    }

    @Test
    void should_reject_unknown_event_types_and_bad_collections() {
        assertBadRequest("{\"event\":\"VectorExploded\",\"collection\":\"c\",\"vector_id\":\"a\"}", "event");
        assertBadRequest("{\"event\":\"VectorDeleted\",\"collection\":\"bad name!\",\"vector_id\":\"a\"}",
                "collection");
        assertBadRequest("{\"event\":\"VectorDeleted\",\"collection\":\"c\",\"vector_id\":\" padded \"}",
                "vector_id");
    }

    @Test
    void should_require_vector_ids_for_batch_sync() {
        assertBadRequest("{\"event\":\"BatchSync\",\"collection\":\"c\"}", "vector_ids");
    }

    @Test
    void should_reject_wrong_types_inside_payload_and_vector() {
        assertBadRequest("{\"event\":\"VectorInserted\",\"collection\":\"c\",\"vector_id\":\"a\",\"payload\":[1]}",
                "payload");
        assertBadRequest("{\"event\":\"VectorInserted\",\"collection\":\"c\",\"vector_id\":\"a\","
                + "\"vector\":[0.1,\"x\"]}", "vector[1]");
        assertBadRequest("{\"event\":\"VectorInserted\",\"collection\":\"c\",\"vector_id\":\"a\","
                + "\"occurred_at\":\"yesterday\"}", "occurred_at");
    }

    @Test
    void should_reject_malformed_json_empty_bodies_and_non_objects() {
        assertBadRequest("{\"event\":", "$");
        assertBadRequest("", "$");
        assertBadRequest("[1,2]", "$");
        assertBadRequest("{\"event\":\"VectorDeleted\",\"collection\":\"c\",\"vector_id\":\"a\"} trailing", "$");
    }

    @Test
    void should_limit_the_number_of_events() {
        WebhookEventParser small = new WebhookEventParser(2, "default");
        String event = "{\"event\":\"VectorDeleted\",\"collection\":\"c\",\"vector_id\":\"a\"}";
        assertThatThrownBy(() -> small.parse(("{\"events\":[" + event + "," + event + "," + event + "]}")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ApiException.class).hasMessageContaining("at most 2");
        assertBadRequest("{\"events\":[]}", "events");
    }

    private void assertBadRequest(String body, String field) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.status()).isEqualTo(400);
                    assertThat(api.field()).isEqualTo(field);
                });
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebhookEventParserTest.class.getResourceAsStream("/fixtures/ingest/" + name)) {
            return in.readAllBytes();
        }
    }
}
