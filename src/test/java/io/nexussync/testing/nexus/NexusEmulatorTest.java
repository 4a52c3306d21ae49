package io.nexussync.testing.nexus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NexusEmulatorTest {

    private static final String JSON = "application/json";
    private static final String UPSERT = "UNWIND $rows AS row MERGE (d:Document {uid: row.uid}) SET d += row.props";

    private final NexusEmulator nexus = NexusEmulator.shared();
    private final EmulatorHttp http = new EmulatorHttp();

    @BeforeEach
    void resetEmulator() {
        nexus.reset();
    }

    @Test
    void should_merge_500_rows_per_unwind_statement_idempotently() throws Exception {
        String index = "CREATE INDEX document_uid IF NOT EXISTS FOR (n:Document) ON (n.uid)";
        assertThat(http.cypher(nexus, index, Map.of()).has("error")).isFalse();
        assertThat(http.cypher(nexus, index, Map.of()).has("error")).isFalse();

        JsonNode answer = http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 500)));
        http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 500)));

        assertThat(answer.has("error")).isFalse();
        assertThat(answer.get("columns")).isEmpty();
        assertThat(answer.get("rows")).isEmpty();
        assertThat(answer.get("execution_time_ms").isIntegralNumber()).isTrue();
        assertThat(nexus.nodeCount("Document")).isEqualTo(500);
        assertThat(nexus.count("MATCH (d:Document {uid: $uid}) RETURN d.seq", Map.of("uid", "t/c/doc-42"))).isEqualTo(42);
    }

    @Test
    void should_merge_relationships_after_unwind_match() throws Exception {
        nexus.query("UNWIND range(1, 3) AS i CREATE (:Document {uid: 'd' + i}), (:Entity {key: 'e' + i})");
        String mentions = "UNWIND $rels AS r MATCH (a:Document {uid: r.src}), (b:Entity {key: r.dst})"
                + " MERGE (a)-[m:MENTIONS]->(b) SET m.count = r.count";
        List<Map<String, Object>> rels = List.of(Map.of("src", "d1", "dst", "e1", "count", 2),
                Map.of("src", "d1", "dst", "e2", "count", 1), Map.of("src", "d3", "dst", "e3", "count", 5));

        assertThat(http.cypher(nexus, mentions, Map.of("rels", rels)).has("error")).isFalse();
        assertThat(http.cypher(nexus, mentions, Map.of("rels", rels)).has("error")).isFalse();

        assertThat(nexus.relationshipCount("MENTIONS")).isEqualTo(3);
        assertThat(nexus.count("MATCH (:Document {uid: 'd3'})-[m:MENTIONS]->() RETURN m.count")).isEqualTo(5);
    }

    static Stream<Arguments> dialectViolations() {
        return Stream.of(
                Arguments.of("UNWIND $rows AS row WITH row MERGE (d:Document {uid: row.uid})", "after UNWIND in write query"),
                Arguments.of("UNWIND $rows AS row MATCH (a:Document {uid: row.uid}), (b:Document {uid: row.uid})"
                        + " CREATE (a)-[:SIMILAR_TO]->(b)", "relationship CREATE after UNWIND"),
                Arguments.of("MATCH (d:Document) WHERE d.uid = $uid SET d.title = 'x'", "Unsupported clause in write query"),
                Arguments.of("MERGE (d:Document {uid: $uid}) SET d.synced_at = timestamp()", "Unsupported expression type in SET"),
                Arguments.of("MERGE (d:Document {uid: $uid}) SET d.tags = ['a']", "list literal"),
                Arguments.of("MATCH (d:Document {uid: $uid}) DETACH DELETE d MERGE (:Document {uid: $uid})", "DELETE cannot be"),
                Arguments.of("MATCH (:Document {uid: $uid})-[r:MENTIONS]->() DELETE r", "relationship variable 'r'"),
                Arguments.of("BEGIN", "Explicit transactions"));
    }

    @ParameterizedTest
    @MethodSource("dialectViolations")
    void should_reject_dialect_violations_with_http_200_and_error(String query, String expected) throws Exception {
        nexus.query("CREATE (:Document {uid: 'a'})-[:MENTIONS]->(:Entity {key: 'e'})");

        JsonNode answer = http.cypher(nexus, query, Map.of("uid", "a", "rows", List.of(Map.of("uid", "a"))));

        assertThat(answer.get("error").asText()).startsWith("Cypher execution error: ").contains(expected);
        assertThat(answer.get("columns")).isEmpty();
        assertThat(answer.get("rows")).isEmpty();
        assertThat(answer.get("execution_time_ms").asInt()).isZero();
        assertThat(nexus.count("MATCH (n) RETURN count(n)")).isEqualTo(2);
        assertThat(nexus.relationshipCount("MENTIONS")).isEqualTo(1);
    }

    @Test
    void should_answer_neo4j_failures_with_nexus_error_prefixes() throws Exception {
        assertThat(http.cypher(nexus, "MATCH (n RETURN n", Map.of()).get("error").asText()).startsWith("Cypher syntax error: ");
        assertThat(http.cypher(nexus, UPSERT, Map.of()).get("error").asText())
                .startsWith("Execution error: Cypher execution error: ").contains("rows");
    }

    @Test
    void should_answer_delete_with_deleted_node_count() throws Exception {
        nexus.query("UNWIND range(1, 3) AS i CREATE (:Document {uid: 'd' + i})");

        JsonNode answer = http.cypher(nexus, "MATCH (n:Document) WHERE n.uid IN $uids DETACH DELETE n",
                Map.of("uids", List.of("d1", "d2", "missing")));

        assertThat(answer.toString()).startsWith("{\"columns\":[\"count\"],\"rows\":[[2]]");
        assertThat(nexus.nodeCount("Document")).isEqualTo(1);
    }

    @Test
    void should_render_nodes_as_property_maps_with_nexus_id_and_no_labels() throws Exception {
        nexus.query("CREATE (:Document {uid: 'd1', title: 'T', tags: ['a', 'b']})-[:MENTIONS {count: 2}]->(:Entity {key: 'e'})");

        JsonNode answer = http.cypher(nexus, "MATCH (d:Document {uid: $uid})-[m:MENTIONS]->(e)"
                + " RETURN d, m, d.title AS title, labels(d) AS labels, {k: 1} AS map", Map.of("uid", "d1"));

        assertThat(answer.get("columns")).extracting(JsonNode::asText).containsExactly("d", "m", "title", "labels", "map");
        JsonNode row = answer.get("rows").get(0);
        assertThat(row.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("uid", "title", "tags", "_nexus_id");
        assertThat(row.get(0).get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(row.get(0).get("_nexus_id").isIntegralNumber()).isTrue();
        assertThat(row.get(1).fieldNames()).toIterable().containsExactlyInAnyOrder("count", "_nexus_id", "type");
        assertThat(row.get(1).get("type").asText()).isEqualTo("MENTIONS");
        assertThat(row.get(2).asText()).isEqualTo("T");
        assertThat(row.get(3).toString()).isEqualTo("[\"Document\"]");
        assertThat(row.get(4).toString()).isEqualTo("{\"k\":1}");
    }

    @Test
    void should_reject_bad_requests_with_middleware_statuses() throws Exception {
        assertThat(http.post(nexus, null, "{\"query\":\"RETURN 1\"}").statusCode()).isEqualTo(415);
        assertThat(http.post(nexus, "text/plain", "{\"query\":\"RETURN 1\"}").statusCode()).isEqualTo(415);
        assertThat(http.post(nexus, JSON, "{\"query\":").statusCode()).isEqualTo(400);
        assertThat(http.post(nexus, JSON, "{\"parameters\":{}}").statusCode()).isEqualTo(422);
        assertThat(http.post(nexus, JSON, "{\"query\":7}").statusCode()).isEqualTo(422);
        HttpResponse<String> alias = http.post(nexus, "application/json; charset=utf-8",
                "{\"query\":\"RETURN $x AS x\",\"params\":{\"x\":5}}");
        assertThat(EmulatorHttp.json(alias).get("rows").toString()).isEqualTo("[[5]]");
        HttpResponse<String> nullParameters = http.post(nexus, JSON, "{\"query\":\"RETURN 1 AS one\",\"parameters\":null}");
        assertThat(EmulatorHttp.json(nullParameters).get("rows").toString()).isEqualTo("[[1]]");
        assertThat(nexus.requests().count(Outcome.REJECTED)).isEqualTo(5);
    }

    @Test
    void should_demand_api_key_and_limit_bodies_when_configured() throws Exception {
        try (NexusEmulator secured = NexusEmulator.start(EmulatorOptions.defaults().withApiKey("nx_k3y").withMaxBodyBytes(2048))) {
            String body = "{\"query\":\"RETURN 1 AS one\"}";
            JsonNode missing = EmulatorHttp.json(http.post(secured, JSON, body, Map.of()));
            JsonNode wrong = EmulatorHttp.json(http.post(secured, JSON, body, Map.of("X-API-Key", "nx_other")));

            assertThat(missing.toString()).isEqualTo("{\"code\":\"AUTHENTICATION_REQUIRED\","
                    + "\"message\":\"Authentication required for this endpoint\",\"details\":null}");
            assertThat(wrong.get("code").asText()).isEqualTo("INVALID_TOKEN");
            assertThat(http.post(secured, JSON, body, Map.of()).statusCode()).isEqualTo(401);
            assertThat(http.post(secured, JSON, body, Map.of("Authorization", "Bearer nx_k3y")).statusCode()).isEqualTo(200);
            assertThat(http.post(secured, JSON, body, Map.of("X-API-Key", "nx_k3y")).statusCode()).isEqualTo(200);
            assertThat(http.get(secured, "/health").statusCode()).isEqualTo(200);
            assertThat(http.get(secured, "/stats").statusCode()).isEqualTo(200);
            String large = "{\"query\":\"RETURN 1\",\"parameters\":{\"pad\":\"" + "x".repeat(2048) + "\"}}";
            assertThat(http.post(secured, JSON, large, Map.of("X-API-Key", "nx_k3y")).statusCode()).isEqualTo(413);
        }
    }

    @Test
    void should_answer_503_with_retry_after_while_overloaded() throws Exception {
        nexus.faults().overloadNext(2, 7);
        HttpResponse<String> first = http.post(nexus, JSON, EmulatorHttp.body(UPSERT, Map.of("rows", documents(0, 1))));
        HttpResponse<String> second = http.post(nexus, JSON, EmulatorHttp.body(UPSERT, Map.of("rows", documents(0, 1))));

        assertThat(List.of(first.statusCode(), second.statusCode())).containsOnly(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(EmulatorHttp.json(first).get("retry_after_ms").asLong()).isEqualTo(7000);
        assertThat(EmulatorHttp.json(first).get("error").asText()).isEqualTo("server overloaded");
        assertThat(nexus.nodeCount("Document")).isZero();
        assertThat(http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 1))).has("error")).isFalse();

        nexus.faults().overloadUntilCleared(1);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(nexus, "/health").statusCode()).isEqualTo(200);
            assertThat(http.post(nexus, JSON, "{\"query\":\"RETURN 1\"}").statusCode()).isEqualTo(503);
        }
        nexus.faults().clearFaults();
        assertThat(http.post(nexus, JSON, "{\"query\":\"RETURN 1\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void should_fail_next_requests_with_injected_error_without_executing() throws Exception {
        nexus.faults().errorNext(2, "Cypher execution error: injected");

        JsonNode first = http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 3)));
        http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 3)));
        assertThat(nexus.nodeCount("Document")).isZero();
        JsonNode third = http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 3)));

        assertThat(first.get("error").asText()).isEqualTo("Cypher execution error: injected");
        assertThat(third.has("error")).isFalse();
        assertThat(nexus.nodeCount("Document")).isEqualTo(3);
        assertThat(nexus.requests().count(Outcome.FAULTED)).isEqualTo(2);
    }

    @Test
    void should_keep_failing_requests_whose_query_or_parameters_contain_poison() throws Exception {
        nexus.faults().errorWhenParametersContain("t/c/doc-7\"", "Execution error: poisoned")
                .errorWhenQueryContains("SIMILAR_TO", "Cypher execution error: no edges today");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(http.cypher(nexus, UPSERT, Map.of("rows", documents(5, 10))).get("error").asText())
                    .isEqualTo("Execution error: poisoned");
        }
        JsonNode clean = http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 5)));
        JsonNode edges = http.cypher(nexus, "MATCH (a:Document {uid: $a}) MERGE (a)-[:SIMILAR_TO]->(a)", Map.of("a", "x"));
        nexus.faults().clearFaults();
        JsonNode afterClear = http.cypher(nexus, UPSERT, Map.of("rows", documents(5, 10)));

        assertThat(clean.has("error")).isFalse();
        assertThat(edges.get("error").asText()).contains("no edges today");
        assertThat(afterClear.has("error")).isFalse();
        assertThat(nexus.nodeCount("Document")).isEqualTo(10);
    }

    @Test
    void should_delay_every_request_until_cleared() throws Exception {
        nexus.faults().delayMillis(300);
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            assertThat(http.cypher(nexus, "RETURN 1 AS one", Map.of()).has("error")).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void should_close_connections_without_response_when_resetting() throws Exception {
        String body = EmulatorHttp.body(UPSERT, Map.of("rows", documents(0, 2)));
        nexus.faults().resetConnectionNext(1);
        assertThatThrownBy(() -> http.post(nexus, JSON, body)).isInstanceOf(IOException.class);
        assertThat(http.post(nexus, JSON, body).statusCode()).isEqualTo(200);

        nexus.faults().resetConnectionsUntilCleared();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> http.post(nexus, JSON, body)).isInstanceOf(IOException.class);
        }
        nexus.faults().clearFaults();
        assertThat(http.post(nexus, JSON, body).statusCode()).isEqualTo(200);
        assertThat(nexus.requests().count(Outcome.FAULTED)).isEqualTo(4);
    }

    @Test
    void should_refuse_connections_while_down_and_serve_again_after_up() throws Exception {
        nexus.query("CREATE (:Document {uid: 'kept'})");
        for (int round = 0; round < 3; round++) {
            nexus.faults().down();
            assertThat(nexus.faults().isDown()).isTrue();
            assertThatThrownBy(() -> new EmulatorHttp().get(nexus, "/health")).isInstanceOf(ConnectException.class);
            nexus.faults().up();
            assertThat(new EmulatorHttp().get(nexus, "/health").statusCode()).isEqualTo(200);
        }
        assertThat(new EmulatorHttp().cypher(nexus, "MATCH (d:Document) RETURN d.uid", Map.of()).get("rows").toString())
                .isEqualTo("[[\"kept\"]]");
    }

    @Test
    void should_notify_write_observers_after_commit_only_for_successful_writes() throws Exception {
        List<WriteEvent> events = new CopyOnWriteArrayList<>();
        nexus.onWrite(events::add);
        long before = System.nanoTime();
        http.cypher(nexus, UPSERT, Map.of("rows", documents(0, 3)));
        long after = System.nanoTime();
        http.cypher(nexus, "MATCH (d:Document) RETURN count(d)", Map.of());
        http.cypher(nexus, "MERGE (d:Document {uid: $uid}) SET d.t = timestamp()", Map.of("uid", "x"));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.query()).isEqualTo(UPSERT);
            assertThat((List<?>) event.parameters().get("rows")).hasSize(3);
            assertThat(event.committedAtNanos()).isBetween(before, after);
        });
    }

    @Test
    void should_report_health_stats_and_request_log() throws Exception {
        http.cypher(nexus, "CREATE (:Document {uid: $uid})-[:MENTIONS]->(:Entity {key: $key})", Map.of("uid", "secret-uid", "key", "k"));
        http.cypher(nexus, "BEGIN", Map.of());

        JsonNode health = EmulatorHttp.json(http.get(nexus, "/health"));
        JsonNode root = EmulatorHttp.json(http.get(nexus, "/"));
        JsonNode catalog = EmulatorHttp.json(http.get(nexus, "/stats")).get("catalog");

        assertThat(health.get("status").asText()).isEqualTo("Healthy");
        assertThat(health.get("version").asText()).isEqualTo("2.5.0");
        assertThat(health.get("timestamp").asText()).endsWith("Z");
        assertThat(health.at("/components/database/status").asText()).isEqualTo("Healthy");
        assertThat(root.get("status").asText()).isEqualTo("Healthy");
        // label and type tokens outlive their nodes in Neo4j, and the shared emulator has served other tests
        assertThat(catalog.get("label_count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(catalog.get("rel_type_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(catalog.get("node_count").asLong()).isEqualTo(2);
        assertThat(catalog.get("rel_count").asLong()).isEqualTo(1);
        assertThat(nexus.requests().total()).isEqualTo(2);
        assertThat(nexus.requests().count(Outcome.OK)).isEqualTo(1);
        assertThat(nexus.requests().count(Outcome.ERROR)).isEqualTo(1);
        assertThat(nexus.requests().queries()).last().isEqualTo("BEGIN");
        ReceivedQuery create = nexus.requests().recent().get(0);
        assertThat(create.query()).doesNotContain("secret-uid");
        assertThat(create.parameters()).containsEntry("uid", "secret-uid");
    }

    private static List<Map<String, Object>> documents(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Map.<String, Object>of("uid", "t/c/doc-" + i, "props", Map.of("title", "Doc " + i, "seq", i)))
                .toList();
    }
}
