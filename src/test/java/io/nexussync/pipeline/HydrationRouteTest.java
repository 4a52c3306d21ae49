package io.nexussync.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nexussync.Application;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Thin events are filled in from the Vectorizer emulator before classification, through the real routes. */
@CamelMainTest(mainClass = Application.class, properties = {"similarity.enabled=false"})
class HydrationRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONTRACT = "This Master Services Agreement between Northwind Traders Ltd. and Acme "
            + "Corporation: the supplier shall indemnify the customer; governing law is the law of England.";

    @Test
    void should_classify_a_thin_event_on_the_content_vectorizer_holds() {
        env.vectorizer().createCollection("hy_docs", 4);
        env.vectorizer().put("hy_docs", "msa", new float[] {1, 0, 0, 0},
                Map.of("title", "MSA", "content", CONTRACT, "doc_type", "contract"));
        sender.send(thin("hy_docs", "msa"));
        await().atMost(WAIT).until(() -> "legal/contracts".equals(property("default/hy_docs/msa", "domain")));
        assertThat(property("default/hy_docs/msa", "title")).isEqualTo("MSA");
        // fetched with the Qdrant retrieve call, never the mock GET by id
        assertThat(env.vectorizer().requests().count("POST", "/qdrant/collections/hy_docs/points")).isPositive();
        assertThat(env.vectorizer().requests().count("GET", "/collections/hy_docs/vectors/")).isZero();
    }

    @Test
    void should_delete_a_document_that_vectorizer_no_longer_holds() {
        sender.send(Events.inserted("hy_gone", "old", "Old"));
        await().atMost(WAIT).until(() -> documents("hy_gone") == 1);
        env.vectorizer().createCollection("hy_gone", 4);
        sender.send(thin("hy_gone", "old"));
        await().atMost(WAIT).until(() -> documents("hy_gone") == 0);
        assertThat(deadLetters("hy_gone")).isZero();
    }

    @Test
    void should_keep_thin_events_in_the_inbox_while_vectorizer_is_down_and_let_full_ones_through() {
        env.vectorizer().createCollection("hy_down", 4);
        env.vectorizer().put("hy_down", "late", new float[] {0, 1, 0, 0}, Map.of("title", "Late"));
        env.vectorizer().faults().down();
        try {
            sender.send(Events.envelope(List.of(thinEvent("hy_down", "late"),
                    Events.inserted("hy_down", "full", "Full"))));
            await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox WHERE doc_uid = ?"
                    + " AND last_error LIKE 'hydration failed%' AND attempts = 0", "default/hy_down/late") == 1);
            await().atMost(WAIT).until(() -> property("default/hy_down/full", "title") != null);
            assertThat(property("default/hy_down/late", "title")).isNull();
        } finally {
            env.vectorizer().faults().up();
        }
        await().atMost(WAIT).until(() -> "Late".equals(property("default/hy_down/late", "title")));
        assertThat(deadLetters("hy_down")).isZero();
    }

    @Test
    void should_fail_alone_the_document_whose_id_vectorizer_refuses_and_hydrate_the_others() {
        env.vectorizer().createCollection("hy_poison", 4);
        env.vectorizer().put("hy_poison", "good", new float[] {1, 0, 0, 0}, Map.of("title", "Good"));
        env.vectorizer().faults().rejectWhenBodyContains("poison-id");
        try {
            sender.send("{\"event\":\"BatchSync\",\"collection\":\"hy_poison\",\"vector_ids\":[\"good\",\"poison-id\"]}");
            await().atMost(WAIT).until(() -> "Good".equals(property("default/hy_poison/good", "title")));
            // the refused one counts attempts (sync.max-attempts) and ends in the dead-letter table
            await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM dead_letter WHERE doc_uid = ?"
                    + " AND error_type = 'hydration'", "default/hy_poison/poison-id") == 1);
        } finally {
            env.vectorizer().faults().clear();
        }
    }

    @Test
    void should_wait_out_a_rate_limit_with_its_retry_after() {
        env.vectorizer().createCollection("hy_429", 4);
        env.vectorizer().put("hy_429", "r", new float[] {0, 0, 1, 0}, Map.of("title", "Retried"));
        env.vectorizer().faults().rateLimitNext(1, 1);
        sender.send(thin("hy_429", "r"));
        await().atMost(WAIT).until(() -> "Retried".equals(property("default/hy_429/r", "title")));
        assertThat(env.vectorizer().requests().count("POST", "/qdrant/collections/hy_429/points")).isEqualTo(2);
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox WHERE doc_uid = ?",
                "default/hy_429/r") == 0);
        assertThat(deadLetters("hy_429")).isZero();
    }

    @Test
    void should_keep_a_document_whose_proxied_delete_vectorizer_has_overtaken() throws Exception {
        // two clients wrote one id through the proxy: Vectorizer applied the delete first and the upsert last, but
        // the delete reached the inbox last; what Vectorizer holds decides
        env.vectorizer().createCollection("hy_race", 4);
        env.vectorizer().put("hy_race", "x", new float[] {1, 0, 0, 0}, Map.of("title", "Still here"));
        long now = System.currentTimeMillis();
        try (var connection = env.database().connect(); var insert = connection.prepareStatement("INSERT INTO inbox"
                + " (tenant, collection, vector_id, doc_uid, operation, event_type, event, source, received_at, state,"
                + " attempts, next_attempt_at) VALUES ('default', 'hy_race', 'x', 'default/hy_race/x', 'DELETE',"
                + " 'VectorDeleted', ?, 'proxy', ?, 'PENDING', 0, ?)")) {
            insert.setString(1, "{\"event\":\"VectorDeleted\",\"collection\":\"hy_race\",\"vector_id\":\"x\"}");
            insert.setLong(2, now);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
        await().atMost(WAIT).until(() -> "Still here".equals(property("default/hy_race/x", "title")));
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox WHERE doc_uid = ?",
                "default/hy_race/x") == 0);
        assertThat(documents("hy_race")).isEqualTo(1);
    }

    private long deadLetters(String collection) {
        return env.database().count("SELECT COUNT(*) FROM dead_letter WHERE collection = ?", collection);
    }

    private static String thin(String collection, String id) {
        return thinEvent(collection, id);
    }

    private static String thinEvent(String collection, String id) {
        return "{\"event\":\"BatchSync\",\"collection\":\"" + collection + "\",\"vector_ids\":[\"" + id + "\"]}";
    }

    private Object property(String uid, String key) {
        List<Map<String, Object>> rows = env.nexus().query("MATCH (d:Document {uid: $u}) RETURN properties(d) AS p",
                Map.of("u", uid));
        return rows.isEmpty() ? null : ((Map<?, ?>) rows.get(0).get("p")).get(key);
    }
}
