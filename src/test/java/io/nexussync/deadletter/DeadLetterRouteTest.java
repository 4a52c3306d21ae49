package io.nexussync.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexussync.Application;
import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.Events;
import io.nexussync.testing.WebhookSender;
import io.nexussync.testing.WebhookSender.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A document Nexus refuses is retried, dead-lettered, listed and replayed, and never blocks the others. */
@CamelMainTest(mainClass = Application.class, properties = {"sync.max-attempts=3", "batch.max-size=50"})
class DeadLetterRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> ADMIN = Map.of("X-API-Key", BridgeEnvironment.ADMIN_KEY);

    @AfterEach
    void clearFaults() {
        env.nexus().faults().clearFaults();
    }

    @Test
    void should_isolate_a_poison_document_retry_it_dead_letter_it_and_replay_it() {
        String c = "dlq_poison";
        env.nexus().faults().errorWhenParametersContain("default/dlq_poison/p-3",
                "Execution error: Cypher execution error: property value rejected");
        sender.send(Events.insertRange(c, "p", 0, 10));
        await().atMost(WAIT).until(() -> documents(c) == 9);

        JsonNode letter = awaitDeadLetter("p-3");
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("error").asText()).contains("property value rejected");
        assertThat(letter.get("error_type").asText()).isEqualTo("nexus-query");
        assertThat(env.database().count("SELECT COUNT(*) FROM inbox WHERE collection = ?", c)).isZero();

        Reply shown = sender.request("GET", "/admin/dlq/" + letter.get("id").asLong(), ADMIN);
        assertThat(shown.json().get("event").get("payload").get("title").asText()).isEqualTo("Doc 3");

        env.nexus().faults().clearFaults();
        Reply replay = sender.request("POST", "/admin/dlq/" + letter.get("id").asLong() + "/replay", ADMIN);
        assertThat(replay.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> documents(c) == 10);
        assertThat(deadLettersOf("p-3")).isEmpty();
        assertThat(sender.request("POST", "/admin/dlq/" + letter.get("id").asLong() + "/replay", ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void should_replay_all_dead_letters() {
        String c = "dlq_all";
        env.nexus().faults().errorWhenParametersContain("default/dlq_all/", "Execution error: refused");
        sender.send(Events.insertRange(c, "a", 0, 3));
        await().atMost(WAIT).until(() -> deadLettersOf("a-").size() == 3);
        env.nexus().faults().clearFaults();
        Reply reply = sender.request("POST", "/admin/dlq/replay-all", ADMIN);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("replayed").asInt()).isGreaterThanOrEqualTo(3);
        await().atMost(WAIT).until(() -> documents(c) == 3);
    }

    @Test
    void should_refuse_to_replay_a_dead_letter_the_graph_has_overtaken() {
        String c = "dlq_superseded";
        env.nexus().faults().errorWhenParametersContain("\"v1\"", "Execution error: refused");
        sender.send(Events.updated(c, "s1", "{\"title\":\"v1\"}"));
        JsonNode letter = awaitDeadLetter("s1");
        env.nexus().faults().clearFaults();
        sender.send(Events.updated(c, "s1", "{\"title\":\"v2\"}"));
        // applied and acknowledged: the node appears before the rest of its batch and the ledger have run
        await().atMost(WAIT).until(() -> documents(c) == 1 && env.database().count(
                "SELECT COUNT(*) FROM inbox WHERE collection = ?", c) == 0);
        Reply replay = sender.request("POST", "/admin/dlq/" + letter.get("id").asLong() + "/replay", ADMIN);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("error").asText()).contains("superseded");
        assertThat(sender.request("DELETE", "/admin/dlq/" + letter.get("id").asLong(), ADMIN).status())
                .isEqualTo(200);
        assertThat(deadLettersOf("s1")).isEmpty();
    }

    @Test
    void should_never_let_a_retried_insert_undo_a_later_delete() {
        String c = "dlq_order";
        env.nexus().faults().errorWhenParametersContain("default/dlq_order/x1", "Execution error: refused");
        sender.send(Events.inserted(c, "x1", "early"));
        await().atMost(WAIT).until(() -> env.database().count(
                "SELECT COUNT(*) FROM inbox WHERE doc_uid = ? AND attempts > 0", "default/dlq_order/x1") == 1);
        sender.send(Events.deleted(c, "x1"));
        env.nexus().faults().clearFaults();
        sender.send(Events.inserted(c, "marker", "marker"));
        await().atMost(WAIT).until(() -> documents(c) == 1 && env.database().count(
                "SELECT COUNT(*) FROM inbox WHERE collection = ?", c) == 0);
        assertThat(env.nexus().count("MATCH (d:Document {collection: $c, vector_id: 'x1'}) RETURN count(d)",
                Map.of("c", c))).isZero();
    }

    @Test
    void should_refuse_admin_requests_without_the_key() {
        Reply none = sender.request("GET", "/admin/dlq", Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).contains("X-API-Key");
        assertThat(sender.request("POST", "/admin/dlq/replay-all", Map.of("X-API-Key", "wrong")).status())
                .isEqualTo(401);
        assertThat(sender.request("GET", "/admin/dlq?limit=abc", ADMIN).status()).isEqualTo(400);
        assertThat(sender.request("GET", "/admin/dlq/abc", ADMIN).status()).isEqualTo(400);
    }

    private JsonNode awaitDeadLetter(String vectorIdPrefix) {
        await().atMost(WAIT).until(() -> !deadLettersOf(vectorIdPrefix).isEmpty());
        return deadLettersOf(vectorIdPrefix).get(0);
    }

    private List<JsonNode> deadLettersOf(String vectorIdPrefix) {
        Reply reply = sender.request("GET", "/admin/dlq?limit=500", ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        reply.json().get("items").forEach(i -> {
            if (i.get("vector_id").asText().startsWith(vectorIdPrefix)) {
                found.add(i);
            }
        });
        return found;
    }
}
