package io.nexussync.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.Events;
import io.nexussync.testing.WebhookSender;
import io.nexussync.testing.WebhookSender.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every answer of POST /webhooks/vectorizer, through the real routes. */
@CamelMainTest(mainClass = Application.class, properties = {"webhook.max-body-bytes=65536"})
class WebhookIngestRouteTest extends RouteTestSupport {

    private static final String C = "ingest_docs";

    @BeanInject
    CamelContext context;

    @Test
    void should_accept_a_signed_event_with_202_and_write_it_to_nexus() {
        Reply reply = sender.send(Events.inserted(C, "ok-1", "First"));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> documentsWithId("ok-1") == 1);
    }

    @Test
    void should_answer_a_redelivered_webhook_id_as_duplicate_and_not_process_it_again() {
        String body = Events.insertRange(C, "dup", 0, 3);
        assertThat(sender.send("msg-dup-1", body).status()).isEqualTo(202);
        Reply again = sender.send("msg-dup-1", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("accepted").asInt()).isZero();
        // the batch is acknowledged after its last statement: nodes appear a moment before the inbox rows go
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxRowsOfDelivery("msg-dup-1") == 0);
        assertThat(countByPrefix("dup-")).isEqualTo(3);
    }

    @Test
    void should_refuse_a_missing_or_wrong_signature_and_a_stale_timestamp_with_401() {
        byte[] body = Events.inserted(C, "unsigned", "U").getBytes(StandardCharsets.UTF_8);
        Reply unsigned = sender.post("/webhooks/vectorizer", Map.of("Content-Type", "application/json"), body);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.json().get("error").asText()).contains("webhook-id");

        Reply wrong = sender.post("/webhooks/vectorizer", Map.of("Content-Type", "application/json",
                "webhook-id", "msg-x", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                "webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), body);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).contains("signature");

        Reply stale = sender.sendAt(System.currentTimeMillis() / 1000 - 301, Events.inserted(C, "stale", "S"));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().get("error").asText()).contains("tolerance");
    }

    @Test
    void should_refuse_invalid_events_with_400_and_keep_nothing_of_the_delivery() {
        String body = Events.envelope(List.of(Events.inserted(C, "good-in-bad", "G"),
                "{\"event\":\"VectorInserted\",\"collection\":\"" + C + "\"}"));
        Reply reply = sender.send("msg-bad-1", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("events[1].vector_id");
        assertThat(inboxRowsOfDelivery("msg-bad-1")).isZero();
        // the same id is not burned: a corrected redelivery is accepted
        assertThat(sender.send("msg-bad-1", Events.inserted(C, "good-in-bad", "G")).status()).isEqualTo(202);
    }

    @Test
    void should_refuse_malformed_json_with_400() {
        Reply reply = sender.send("{\"event\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).startsWith("malformed JSON");
    }

    @Test
    void should_refuse_a_non_json_content_type_with_415() {
        Reply reply = sender.post("/webhooks/vectorizer", Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("error").asText()).contains("application/json");
    }

    @Test
    void should_refuse_a_body_over_the_limit_with_413() {
        String big = "{\"event\":\"VectorInserted\",\"collection\":\"" + C + "\",\"vector_id\":\"big\",\"payload\":"
                     + "{\"content\":\"" + "x".repeat(70_000) + "\"}}";
        Reply reply = sender.send(big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isNotBlank();
    }

    @Test
    void should_refuse_other_methods_with_405() {
        Reply reply = sender.request("GET", "/webhooks/vectorizer", Map.of());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("error").asText()).isNotBlank();
    }

    @Test
    void should_never_echo_request_headers() {
        Reply reply = sender.post("/webhooks/vectorizer", Map.of("Content-Type", "application/json",
                "X-Probe", "echo-me", "webhook-id", "m", "webhook-timestamp", "1", "webhook-signature", "v1,x"),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("X-Probe")).isNull();
        assertThat(reply.header("webhook-signature")).isNull();
        assertThat(reply.header("webhook-id")).isNull();
    }

    @Test
    void should_answer_503_with_retry_after_when_the_inbox_is_full() throws Exception {
        context.getRouteController().stopRoute("inbox-poll");
        try {
            var depth = context.getRegistry().lookupByNameAndType("inboxDepth", io.nexussync.inbox.InboxDepth.class);
            long max = context.getRegistry().lookupByNameAndType("inboxSettings",
                    io.nexussync.inbox.InboxSettings.class).maxDepth();
            depth.add(max);
            try {
                Reply reply = sender.send(Events.inserted(C, "full", "F"));
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isEqualTo("30");
                assertThat(reply.json().get("error").asText()).contains("full");
            } finally {
                depth.remove(max);
            }
        } finally {
            context.getRouteController().startRoute("inbox-poll");
        }
    }

    private long documentsWithId(String vectorId) {
        return env.nexus().count("MATCH (d:Document {collection: $c, vector_id: $v}) RETURN count(d)",
                Map.of("c", C, "v", vectorId));
    }

    private long countByPrefix(String prefix) {
        return env.nexus().count("MATCH (d:Document {collection: $c}) WHERE d.vector_id STARTS WITH $p "
                + "RETURN count(d)", Map.of("c", C, "p", prefix));
    }

    private long inboxRowsOfDelivery(String webhookId) {
        return env.database().count("SELECT COUNT(*) FROM inbox WHERE webhook_id = ?", webhookId);
    }
}
