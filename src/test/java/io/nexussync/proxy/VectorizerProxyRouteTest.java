package io.nexussync.proxy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The write-through proxy through the real routes against the Vectorizer emulator: every write endpoint's answer is
 * byte-identical to the emulator's own answer to the same request and leaves the right events in the inbox; refusals,
 * reads and failures record nothing; a proxied insert ends as Document nodes in Nexus.
 */
@CamelMainTest(mainClass = Application.class, properties = {"batch.timeout-ms=50"})
class VectorizerProxyRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeanInject
    CamelContext context;

    /** What reached seda:reconcile-requests: collection and trigger. */
    private final List<List<String>> reconcileRequests = new CopyOnWriteArrayList<>();
    private boolean listening;

    private record Row(String vectorId, String operation, JsonNode event) {
    }

    @BeforeEach
    void holdTheInbox() throws Exception {
        // the pipeline would drain the rows these tests inspect; the end-to-end test starts it again
        context.getRouteController().stopRoute("inbox-poll");
        if (!listening) {
            EventNotifierSupport notifier = new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    CamelEvent.ExchangeSentEvent sent = (CamelEvent.ExchangeSentEvent) event;
                    if (sent.getEndpoint().getEndpointUri().startsWith("seda://reconcile-requests")) {
                        reconcileRequests.add(List.of(sent.getExchange().getMessage().getBody(String.class),
                                sent.getExchange().getMessage().getHeader(ReconcileRequests.TRIGGER, String.class)));
                    }
                }

                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof CamelEvent.ExchangeSentEvent;
                }
            };
            context.getManagementStrategy().addEventNotifier(notifier);
            notifier.start();
            listening = true;
        }
    }

    @Test
    void should_record_an_insert_and_answer_like_vectorizer() {
        vectorizer().createCollection("px_insert", 512);
        String body = "{\"collection\":\"px_insert\",\"text\":\"A short note about Acme.\",\"id\":\"note-1\","
                + "\"metadata\":{\"title\":\"Note\"}}";
        ProxyHttp.Answer answer = sameAnswer("POST", "/insert", body, () -> vectorizer().remove("px_insert",
                "note-1"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(rows("px_insert")).containsExactly(new Row("note-1", "UPSERT", thin("VectorUpdated", "px_insert",
                "note-1")));
    }

    @Test
    void should_record_every_item_id_of_insert_texts_and_batch_insert_chunks_included() {
        for (String path : List.of("/insert_texts", "/batch_insert")) {
            String collection = "px" + path.replace('/', '_');
            vectorizer().createCollection(collection, 512);
            String body = "{\"collection\":\"" + collection + "\",\"texts\":[{\"id\":\"a\",\"text\":\"alpha\"},"
                    + "{\"id\":\"b\",\"text\":\"" + longText(5000) + "\"},{\"id\":\"bad#id\",\"text\":\"x\"}]}";
            ProxyHttp.Answer answer = sameAnswer("POST", path, body, () -> clear(collection));
            List<String> ok = okVectorIds(answer.json());
            assertThat(ok).contains("a", "b#0", "b#1").doesNotContain("bad#id");
            assertThat(rows(collection)).extracting(Row::vectorId).containsExactlyElementsOf(ok);
            assertThat(rows(collection)).allMatch(r -> r.operation().equals("UPSERT"));
        }
    }

    @Test
    void should_record_only_the_vectors_that_went_in_for_insert_vectors() {
        vectorizer().createCollection("px_vectors", 3);
        String body = "{\"collection\":\"px_vectors\",\"vectors\":[{\"id\":\"v1\",\"embedding\":[0.1,0.2,0.3],"
                + "\"payload\":{\"title\":\"one\"}},{\"id\":\"v2\",\"embedding\":[0.1,0.2]}]}";
        ProxyHttp.Answer answer = sameAnswer("POST", "/insert_vectors", body, () -> clear("px_vectors"));
        assertThat(okVectorIds(answer.json())).containsExactly("v1");
        assertThat(rows("px_vectors")).containsExactly(new Row("v1", "UPSERT", thin("VectorUpdated", "px_vectors",
                "v1")));
    }

    @Test
    void should_record_the_updated_ids_of_a_batch_update() {
        vectorizer().createCollection("px_update", 3);
        Runnable seed = () -> vectorizer().put("px_update", "a", new float[]{1, 0, 0}, Map.of("title", "A"));
        String body = "{\"collection\":\"px_update\",\"updates\":[{\"id\":\"a\",\"payload\":{\"title\":\"A2\"}},"
                + "{\"id\":\"missing\",\"payload\":{\"title\":\"?\"}}]}";
        sameAnswer("POST", "/batch_update", body, seed);
        assertThat(rows("px_update")).containsExactly(new Row("a", "UPSERT", thin("VectorUpdated", "px_update",
                "a")));
    }

    @Test
    void should_record_the_deleted_ids_of_a_batch_delete() {
        vectorizer().createCollection("px_bdelete", 3);
        Runnable seed = () -> List.of("x1", "x2").forEach(id -> vectorizer().put("px_bdelete", id,
                new float[]{0, 1, 0}, Map.of("title", id)));
        sameAnswer("POST", "/batch_delete", "{\"collection\":\"px_bdelete\",\"ids\":[\"x1\",\"x2\",\"nope\"]}", seed);
        assertThat(rows("px_bdelete")).containsExactly(
                new Row("x1", "DELETE", thin("VectorDeleted", "px_bdelete", "x1")),
                new Row("x2", "DELETE", thin("VectorDeleted", "px_bdelete", "x2")));
    }

    @Test
    void should_record_a_delete_of_one_vector() {
        vectorizer().createCollection("px_delete", 3);
        sameAnswer("DELETE", "/collections/px_delete/vectors/doc%3A1%230", null,
                () -> vectorizer().put("px_delete", "doc:1#0", new float[]{0, 0, 1}, Map.of("title", "t")));
        assertThat(vectorizer().get("px_delete", "doc:1#0")).isEmpty();
        assertThat(rows("px_delete")).containsExactly(new Row("doc:1#0", "DELETE", thin("VectorDeleted",
                "px_delete", "doc:1#0")));
    }

    @Test
    void should_record_qdrant_upserts_with_their_payload_and_qdrant_deletes_by_id() throws Exception {
        vectorizer().createCollection("px_qdrant", 3);
        String upsert = "{\"points\":[{\"id\":7,\"vector\":[0.5,0.5,0.0],\"payload\":{\"title\":\"seven\"}},"
                + "{\"id\":\"u-1\",\"vector\":[0.0,1.0,0.0],\"payload\":{\"title\":\"u\"}}]}";
        sameAnswer("PUT", "/qdrant/collections/px_qdrant/points", upsert, () -> clear("px_qdrant"));
        List<Row> rows = rows("px_qdrant");
        assertThat(rows).extracting(Row::vectorId, Row::operation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("7", "UPSERT"), org.assertj.core.groups.Tuple.tuple("u-1",
                        "UPSERT"));
        assertThat(rows.get(0).event()).isEqualTo(MAPPER.readTree("{\"event\":\"VectorUpdated\",\"collection\":"
                + "\"px_qdrant\",\"vector_id\":\"7\",\"payload\":{\"title\":\"seven\"},\"vector\":[0.5,0.5,0.0]}"));

        Runnable seed = () -> vectorizer().put("px_qdrant", "7", new float[]{1, 0, 0}, Map.of("title", "seven"));
        sameAnswer("POST", "/qdrant/collections/px_qdrant/points/delete", "{\"points\":[7]}", seed);
        assertThat(rows("px_qdrant")).hasSize(3).last().isEqualTo(new Row("7", "DELETE", thin("VectorDeleted",
                "px_qdrant", "7")));
    }

    @Test
    void should_request_a_reconciliation_for_writes_it_cannot_map_to_ids() {
        vectorizer().createCollection("px_filter", 3);
        Runnable seed = () -> vectorizer().put("px_filter", "d1", new float[]{1, 0, 0}, Map.of("doc_type", "draft"));
        sameAnswer("POST", "/collections/px_filter/vectors/delete_by_filter",
                "{\"filter\":{\"must\":[{\"key\":\"doc_type\",\"match\":{\"value\":\"draft\"}}]}}", seed);
        await().atMost(WAIT).until(() -> reconcileRequests.contains(List.of("px_filter", "proxy:delete_by_filter")));

        sameAnswer("POST", "/qdrant/collections/px_filter/points/delete",
                "{\"filter\":{\"must\":[{\"key\":\"doc_type\",\"match\":{\"value\":\"draft\"}}]}}", seed);
        await().atMost(WAIT).until(() -> reconcileRequests.contains(List.of("px_filter",
                "proxy:qdrant_delete_by_filter")));
        assertThat(rows("px_filter")).isEmpty();
    }

    @Test
    void should_pass_a_rate_limit_through_unchanged_and_record_nothing() {
        vectorizer().createCollection("px_limited", 3);
        String body = "{\"collection\":\"px_limited\",\"vectors\":[{\"id\":\"v1\",\"embedding\":[1,0,0]}]}";
        ProxyHttp.Answer answer = sameAnswer("POST", "/insert_vectors", body,
                () -> vectorizer().faults().rateLimitNext(1, 7));
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("7");
        assertThat(rows("px_limited")).isEmpty();
        assertThat(vectorizer().size("px_limited")).isZero();
    }

    @Test
    void should_pass_reads_through_and_record_nothing() {
        vectorizer().createCollection("px_reads", 3);
        vectorizer().put("px_reads", "r1", new float[]{1, 0, 0}, Map.of("title", "read me"));
        vectorizer().put("px_reads", "r2", new float[]{0, 1, 0}, Map.of("title", "and me"));
        Runnable nothing = () -> { };
        sameAnswer("POST", "/collections/px_reads/search", "{\"vector\":[1,0.1,0],\"limit\":5}", nothing);
        sameAnswer("POST", "/search", "{\"collection\":\"px_reads\",\"vector\":[1,0.1,0],\"limit\":5}", nothing);
        sameAnswer("POST", "/qdrant/collections/px_reads/points", "{\"ids\":[\"r1\"],\"with_payload\":true}",
                nothing);
        sameAnswer("POST", "/qdrant/collections/px_reads/points/scroll", "{\"limit\":10}", nothing);
        sameAnswer("GET", "/collections/px_reads/vectors?limit=1&offset=1", null, nothing);
        sameAnswer("POST", "/graphql", "{\"query\":\"{ vectors(input: {collection: \\\"px_reads\\\", limit: 5})"
                + " { items { id payload } totalCount } }\"}", nothing);
        ProxyHttp.Answer missing = sameAnswer("GET", "/collections/px_nowhere", null, nothing);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(rows("px_reads")).isEmpty();
        assertThat(rows("px_nowhere")).isEmpty();
        String metrics = io.nexussync.testing.WebhookSender.get(env.managementUrl() + "/observe/metrics").body();
        assertThat(metrics).containsPattern("vectorizer_nexus_proxy_overhead_seconds_count\\{kind=\"read\"} [1-9]");
        // the query string reaches Vectorizer as the client wrote it
        assertThat(vectorizer().requests().all()).extracting(r -> r.path())
                .contains("/collections/px_reads/vectors?limit=1&offset=1");
    }

    @Test
    void should_refuse_form_bodies_it_cannot_forward_unchanged() {
        ProxyHttp.Answer answer = ProxyHttp.call(env.httpUrl() + "/vectorizer", "POST", "/files/upload", null,
                "Content-Type", "multipart/form-data; boundary=XyZ");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("error").asText()).contains("multipart and form bodies");
        assertThat(vectorizer().requests().count(null, "/files/upload")).isZero();
    }

    @Test
    void should_answer_502_when_vectorizer_is_unreachable() {
        vectorizer().faults().down();
        try {
            // a write on a pooled connection that Vectorizer closed could have been applied before it went; a read
            // first meets that connection, so the write below finds no Vectorizer at all
            assertThat(proxied("GET", "/collections", null).status()).isEqualTo(502);
            ProxyHttp.Answer answer = proxied("POST", "/insert", "{\"collection\":\"px_down\",\"text\":\"x\"}");
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json().path("error").asText()).isEqualTo("vectorizer unreachable");
        } finally {
            vectorizer().faults().up();
        }
        assertThat(rows("px_down")).isEmpty();
    }

    @Test
    void should_reconcile_a_write_whose_answer_never_came() {
        vectorizer().createCollection("px_slow", 3);
        // longer than vectorizer.request-timeout-ms: the write was sent and may have been applied
        vectorizer().faults().delay(6_000);
        try {
            ProxyHttp.Answer answer = proxied("POST", "/batch_delete", "{\"collection\":\"px_slow\",\"ids\":[\"a\"]}");
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.json().path("error").asText()).contains("may have been applied")
                    .contains("reconciliation of px_slow");
        } finally {
            vectorizer().faults().delay(0);
        }
        await().atMost(WAIT).until(() -> reconcileRequests.contains(List.of("px_slow",
                "proxy:write_outcome_unknown")));
        assertThat(rows("px_slow")).isEmpty();
    }

    @Test
    void should_say_the_write_was_applied_but_not_recorded_when_the_inbox_fails() throws Exception {
        vectorizer().createCollection("px_nostore", 3);
        renameInbox("inbox", "inbox_away");
        ProxyHttp.Answer answer;
        try {
            answer = proxied("POST", "/insert_vectors",
                    "{\"collection\":\"px_nostore\",\"vectors\":[{\"id\":\"v1\",\"embedding\":[1,0,0]}]}");
        } finally {
            renameInbox("inbox_away", "inbox");
        }
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().path("error").asText()).contains("applied in Vectorizer")
                .contains("reconciliation of px_nostore");
        assertThat(vectorizer().get("px_nostore", "v1")).isPresent();
        await().atMost(WAIT).until(() -> reconcileRequests.contains(List.of("px_nostore", "proxy:inbox_failure")));
    }

    @Test
    void should_sync_a_proxied_long_text_insert_to_one_document_node_per_chunk() throws Exception {
        vectorizer().createCollection("px_e2e", 512);
        ProxyHttp.Answer answer = proxied("POST", "/insert", "{\"collection\":\"px_e2e\",\"text\":\""
                + longText(6000) + "\",\"id\":\"report\",\"metadata\":{\"title\":\"Quarterly report\"}}");
        assertThat(answer.status()).isEqualTo(200);
        List<String> chunks = new ArrayList<>();
        answer.json().path("vector_ids").forEach(id -> chunks.add(id.asText()));
        assertThat(chunks).hasSizeGreaterThan(2).contains("report#0", "report#1");
        context.getRouteController().startRoute("inbox-poll");
        await().atMost(WAIT).until(() -> documents("px_e2e") == chunks.size());
        List<Map<String, Object>> nodes = env.nexus().query("MATCH (d:Document {collection: 'px_e2e'})"
                + " RETURN d.vector_id AS id, d.title AS title, d.parent_id AS parent ORDER BY id");
        assertThat(nodes).extracting(n -> n.get("id")).containsExactlyInAnyOrderElementsOf(chunks);
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.get("title")).isEqualTo("Quarterly report");
            assertThat(n.get("parent")).isEqualTo("report");
        });
        await().atMost(WAIT).until(() -> rows("px_e2e").isEmpty());
        assertThat(io.nexussync.testing.WebhookSender.get(env.managementUrl() + "/observe/metrics").body())
                .containsPattern("vectorizer_nexus_proxy_events_total [1-9]")
                .containsPattern("vectorizer_nexus_proxy_overhead_seconds_count\\{kind=\"write\"} [1-9]");
    }

    @Test
    void should_remove_documents_deleted_by_filter_through_reconciliation() throws Exception {
        vectorizer().createCollection("px_recon", 3);
        context.getRouteController().startRoute("inbox-poll");
        ProxyHttp.Answer inserted = proxied("POST", "/insert_vectors", "{\"collection\":\"px_recon\",\"vectors\":["
                + "{\"id\":\"keep\",\"embedding\":[1,0,0],\"payload\":{\"title\":\"Keep\",\"doc_type\":\"final\"}},"
                + "{\"id\":\"drop\",\"embedding\":[0,1,0],\"payload\":{\"title\":\"Drop\",\"doc_type\":\"draft\"}}]}");
        assertThat(inserted.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> documents("px_recon") == 2);

        ProxyHttp.Answer deleted = proxied("POST", "/collections/px_recon/vectors/delete_by_filter",
                "{\"filter\":{\"must\":[{\"key\":\"doc_type\",\"match\":{\"value\":\"draft\"}}]}}");
        assertThat(deleted.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> documents("px_recon") == 1);
        assertThat(env.nexus().count("MATCH (d:Document {uid: 'default/px_recon/keep'}) RETURN count(d)"))
                .isEqualTo(1);
    }

    /**
     * Sends the same request to the emulator and through the proxy, each on the state {@code restore} sets up, and
     * checks that the proxy's answer is the emulator's: status, body bytes, Content-Type, a request id.
     */
    private ProxyHttp.Answer sameAnswer(String method, String path, String body, Runnable restore) {
        restore.run();
        ProxyHttp.Answer direct = ProxyHttp.call(vectorizer().url(), method, path, body);
        restore.run();
        ProxyHttp.Answer proxied = proxied(method, path, body);
        assertThat(proxied.status()).as("status of %s %s", method, path).isEqualTo(direct.status());
        assertThat(proxied.text()).as("body of %s %s", method, path).isEqualTo(direct.text());
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(proxied.header("Content-Type")).isEqualTo(direct.header("Content-Type"));
        assertThat(direct.header("x-request-id")).isNotBlank();
        assertThat(proxied.header("x-request-id")).isNotBlank();
        return proxied;
    }

    private ProxyHttp.Answer proxied(String method, String path, String body) {
        return ProxyHttp.call(env.httpUrl() + "/vectorizer", method, path, body);
    }

    private VectorizerEmulator vectorizer() {
        return env.vectorizer();
    }

    private void clear(String collection) {
        vectorizer().points(collection).forEach(p -> vectorizer().remove(collection, p.id()));
    }

    private static List<String> okVectorIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode result : answer.path("results")) {
            if ("ok".equals(result.path("status").asText())) {
                result.path("vector_ids").forEach(id -> ids.add(id.asText()));
            }
        }
        return ids;
    }

    private static JsonNode thin(String event, String collection, String id) {
        return MAPPER.createObjectNode().put("event", event).put("collection", collection).put("vector_id", id);
    }

    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append("Section ").append(i).append(": Acme Corporation reported steady revenue growth. ");
        }
        return text.toString();
    }

    private List<Row> rows(String collection) {
        try (Connection c = env.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT vector_id, operation, event FROM inbox WHERE collection = ? AND source = 'proxy'"
                + " ORDER BY id")) {
            ps.setString(1, collection);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), MAPPER.readTree(rs.getString(3))));
                }
            }
            return rows;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void renameInbox(String from, String to) throws SQLException {
        try (Connection c = env.database().connect(); var statement = c.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }
}
