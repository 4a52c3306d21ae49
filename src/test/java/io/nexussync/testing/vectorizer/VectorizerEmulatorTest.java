package io.nexussync.testing.vectorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorizerEmulatorTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final VectorizerEmulator vectorizer = VectorizerEmulator.shared();

    @BeforeEach
    void resetEmulator() {
        vectorizer.reset();
    }

    @Test
    void should_store_only_stringified_metadata_for_a_short_text() throws Exception {
        JsonNode answer = ok(post("/insert", Map.of("collection", "docs", "text", "hello world", "id", "doc:1",
                "metadata", Map.of("title", "X", "pages", 3))));

        assertThat(answer.get("vector_ids")).hasSize(1).first().extracting(JsonNode::asText).isEqualTo("doc:1");
        assertThat(answer.get("chunked").asBoolean()).isFalse();
        assertThat(answer.get("message").asText()).isEqualTo("Text inserted successfully (1 vector(s) created)");
        StoredPoint point = vectorizer.get("docs", "doc:1").orElseThrow();
        assertThat(point.payload()).isEqualTo(Json.MAPPER.valueToTree(Map.of("title", "X", "pages", "3")));
        assertThat(point.vector()).hasSize(512).containsExactly(VectorizerEmulator.embed("hello world", 512), within(1e-6f));
        assertThat(ok(get("/collections/docs")).get("dimension").asInt()).isEqualTo(512);
    }

    @Test
    void should_chunk_a_long_text_into_hash_suffixed_ids_with_flat_payloads() throws Exception {
        String text = String.join(" ", java.util.Collections.nCopies(1000, "lorem"));
        JsonNode answer = ok(post("/insert", Map.of("collection", "docs", "text", text, "id", "doc:2",
                "metadata", Map.of("filename", "a.md", "rank", 1))));

        int chunks = answer.get("vectors_created").asInt();
        assertThat(chunks).isGreaterThan(2);
        assertThat(answer.get("chunked").asBoolean()).isTrue();
        assertThat(answer.get("vector_ids").get(1).asText()).isEqualTo("doc:2#1");
        JsonNode payload = vectorizer.get("docs", "doc:2#1").orElseThrow().payload();
        // the next chunk starts 256 characters before the previous end, mid-word like the server's
        assertThat(payload.get("content").asText()).endsWith("lorem").hasSizeLessThanOrEqualTo(2048);
        assertThat(payload.get("file_path").asText()).isEqualTo("a.md");
        assertThat(payload.get("chunk_index").asInt()).isEqualTo(1);
        assertThat(payload.get("parent_id").asText()).isEqualTo("doc:2");
        assertThat(payload.get("rank").asText()).isEqualTo("1");
        assertThat(vectorizer.get("docs", "doc:2")).isEmpty();
        assertThat(vectorizer.size("docs")).isEqualTo(chunks);
    }

    @Test
    void should_refuse_reserved_client_ids_per_item_in_batches() throws Exception {
        HttpResponse<String> single = post("/insert", Map.of("collection", "docs", "text", "x", "id", "bad#id"));
        JsonNode batch = ok(post("/insert_texts", Map.of("collection", "docs", "texts",
                List.of(Map.of("id", "ok-1", "text", "fine"), Map.of("id", " padded", "text", "x")))));

        assertThat(single.statusCode()).isEqualTo(400);
        assertThat(json(single).get("error_type").asText()).isEqualTo("validation_error");
        assertThat(batch.get("inserted").asInt()).isEqualTo(1);
        assertThat(batch.get("failed").asInt()).isEqualTo(1);
        assertThat(batch.get("results").get(1).get("error_type").asText()).isEqualTo("validation_error");
    }

    @Test
    void should_answer_mock_data_for_get_by_id_even_when_the_point_is_missing() throws Exception {
        vectorizer.createCollection("docs", 4);

        JsonNode answer = ok(get("/collections/docs/vectors/nope"));

        assertThat(answer.get("id").asText()).isEqualTo("nope");
        assertThat(answer.get("vector")).hasSize(512).allSatisfy(v -> assertThat(v.floatValue()).isEqualTo(0.1f));
        assertThat(answer.get("metadata").get("collection").asText()).isEqualTo("docs");
        assertThat(get("/collections/other/vectors/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void should_change_nothing_on_update() throws Exception {
        vectorizer.createCollection("docs", 3);
        vectorizer.put("docs", "a", new float[] {1, 0, 0}, Map.of("v", 1));

        JsonNode answer = ok(post("/update", Map.of("collection", "docs", "id", "a", "payload", Map.of("v", 2))));

        assertThat(answer.get("message").asText()).isEqualTo("Vector 'a' updated successfully");
        assertThat(vectorizer.get("docs", "a").orElseThrow().payload().get("v").asInt()).isEqualTo(1);
    }

    @Test
    void should_cap_rest_pages_at_50() throws Exception {
        seed("docs", 120);

        JsonNode first = ok(get("/collections/docs/vectors?limit=1000"));
        List<String> ids = new ArrayList<>();
        for (int offset = 0; offset < 120; offset += 50) {
            ok(get("/collections/docs/vectors?limit=50&offset=" + offset)).get("vectors").forEach(v -> ids.add(v.get("id").asText()));
        }

        assertThat(first.get("vectors")).hasSize(50);
        assertThat(first.get("limit").asInt()).isEqualTo(50);
        assertThat(first.get("total").asInt()).isEqualTo(120);
        assertThat(first.get("message").asText()).isEqualTo("Showing 50 of 120 vectors. Use pagination for more.");
        assertThat(ids).containsExactlyElementsOf(ids(120));
    }

    @Test
    void should_page_graphql_through_2500_points_by_numeric_cursor() throws Exception {
        seed("docs", 2500);
        String query = "query Page($input: ScrollInput!) { vectors(input: $input) { items { id data payload } totalCount hasNextPage nextCursor } }";
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> input = new java.util.HashMap<>(Map.of("collection", "docs", "limit", 5000));
            input.put("cursor", cursor);
            JsonNode page = ok(post("/graphql", Map.of("query", query, "variables", Map.of("input", input)))).get("data").get("vectors");
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
            pageSizes.add(page.get("items").size());
            assertThat(page.get("totalCount").asInt()).isEqualTo(2500);
            cursor = page.get("hasNextPage").asBoolean() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(1000, 1000, 500);
        assertThat(ids).containsExactlyElementsOf(ids(2500));
        JsonNode inline = ok(post("/graphql", Map.of("query",
                "{ vectors(input: {collection: \"docs\", limit: 2, cursor: \"2498\"}) { items { id } hasNextPage } "
                        + "missing: vector(collection: \"docs\", id: \"nope\") { id } }"))).get("data");
        assertThat(inline.get("vectors").get("items").get(1).get("id").asText()).isEqualTo("p-2499");
        assertThat(inline.get("vectors").get("hasNextPage").asBoolean()).isFalse();
        assertThat(inline.get("vectors").get("items").get(0).has("data")).as("only selected fields").isFalse();
        assertThat(inline.get("missing").isNull()).isTrue();
        assertThat(ok(post("/graphql", Map.of("query", "{ nope }"))).get("errors").get(0).get("message").asText())
                .contains("Unknown field");
    }

    @Test
    void should_skip_missing_ids_on_qdrant_retrieve_and_overlap_scroll_pages() throws Exception {
        vectorizer.createCollection("docs", 2);
        JsonNode upsert = json(send("PUT", "/qdrant/collections/docs/points", Map.of("points", List.of(
                Map.of("id", 7, "vector", List.of(1, 0), "payload", Map.of("k", "a")),
                Map.of("id", "b", "vector", List.of(0, 1))))));

        JsonNode retrieved = ok(post("/qdrant/collections/docs/points", Map.of("ids", List.of(7, "missing", "b")))).get("result");
        JsonNode scroll = ok(post("/qdrant/collections/docs/points/scroll", Map.of("limit", 1))).get("result");
        JsonNode second = ok(post("/qdrant/collections/docs/points/scroll", Map.of("limit", 1, "offset", "7"))).get("result");

        assertThat(upsert.get("status").asText()).isEqualTo("acknowledged");
        assertThat(retrieved).hasSize(2);
        assertThat(retrieved.get(0).get("id").asText()).isEqualTo("7");
        assertThat(retrieved.get(0).get("vector")).isEmpty();
        assertThat(retrieved.get(0).get("payload").get("k").asText()).isEqualTo("a");
        assertThat(scroll.get("next_page_offset").asText()).isEqualTo("7");
        assertThat(second.get("points").get(0).get("id").asText()).isEqualTo("7");
    }

    @Test
    void should_replace_clear_or_keep_payloads_on_batch_update() throws Exception {
        vectorizer.createCollection("docs", 2);
        for (String id : List.of("a", "b", "c")) {
            vectorizer.put("docs", id, new float[] {1, 0}, Map.of("old", true, "id", id));
        }
        Map<String, Object> clear = new java.util.HashMap<>(Map.of("id", "b"));
        clear.put("payload", null);

        JsonNode answer = ok(post("/batch_update", Map.of("collection", "docs", "updates", List.of(
                Map.of("id", "a", "payload", Map.of("new", 1)), clear,
                Map.of("id", "c", "vector", List.of(0, 3)), Map.of("id", "zzz", "payload", Map.of())))));

        assertThat(answer.get("updated").asInt()).isEqualTo(3);
        assertThat(answer.get("failed").asInt()).isEqualTo(1);
        assertThat(answer.get("results").get(3).get("status").asText()).isEqualTo("error");
        assertThat(vectorizer.get("docs", "a").orElseThrow().payload().toString()).isEqualTo("{\"new\":1}");
        assertThat(vectorizer.get("docs", "b").orElseThrow().payload()).isNull();
        StoredPoint kept = vectorizer.get("docs", "c").orElseThrow();
        assertThat(kept.payload().get("old").asBoolean()).isTrue();
        assertThat(kept.vector()).containsExactly(0f, 1f);
    }

    @Test
    void should_order_vector_search_by_cosine_and_apply_the_threshold() throws Exception {
        vectorizer.createCollection("docs", 3);
        vectorizer.put("docs", "far", new float[] {0, 1, 0}, Map.of());
        vectorizer.put("docs", "near", new float[] {0.9f, 0.1f, 0}, Map.of());
        vectorizer.put("docs", "same", new float[] {2, 0, 0}, Map.of());

        JsonNode answer = ok(post("/collections/docs/search", Map.of("vector", List.of(1, 0, 0), "limit", 10, "threshold", 0.5)));
        HttpResponse<String> wrongDimension = post("/search", Map.of("collection", "docs", "vector", List.of(1, 0)));

        assertThat(answer.get("results")).extracting(r -> r.get("id").asText()).containsExactly("same", "near");
        assertThat(answer.get("results").get(0).get("score").asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(answer.get("query_type").asText()).isEqualTo("vector");
        assertThat(wrongDimension.statusCode()).isEqualTo(400);
    }

    @Test
    void should_rank_text_search_by_shared_words_without_threshold() throws Exception {
        ok(post("/insert", Map.of("collection", "notes", "text", "apples and bananas", "id", "fruit")));
        ok(post("/insert", Map.of("collection", "notes", "text", "engines and gearboxes", "id", "cars")));

        JsonNode answer = ok(post("/collections/notes/search/text", Map.of("query", "bananas", "threshold", 0.99)));

        assertThat(answer.get("results")).extracting(r -> r.get("id").asText()).containsExactly("fruit", "cars");
    }

    @Test
    void should_answer_429_with_retry_after_to_the_next_requests() throws Exception {
        vectorizer.faults().rateLimitNext(2, 7);

        HttpResponse<String> first = get("/health");
        HttpResponse<String> second = get("/collections");
        HttpResponse<String> third = get("/collections");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(second).get("error_type").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(third.headers().firstValue("x-request-id")).isPresent();
        assertThat(vectorizer.requests().count("GET", "/collections")).isEqualTo(2);
    }

    @Test
    void should_demand_the_api_key_but_not_as_a_bearer_token() throws Exception {
        try (VectorizerEmulator secured = VectorizerEmulator.start("s3cret")) {
            HttpResponse<String> anonymous = CLIENT.send(request(secured.url() + "/collections").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(json(anonymous).toString()).isEqualTo("{\"error_type\":\"unauthorized\",\"message\":"
                    + "\"Authentication required. Provide a valid JWT token or API key.\",\"status_code\":401}");
            assertThat(status(request(secured.url() + "/collections").header("X-API-Key", "s3cret"))).isEqualTo(200);
            assertThat(status(request(secured.url() + "/collections").header("Authorization", "s3cret"))).isEqualTo(200);
            assertThat(status(request(secured.url() + "/collections?api_key=s3cret"))).isEqualTo(200);
            assertThat(status(request(secured.url() + "/collections").header("Authorization", "Bearer s3cret"))).isEqualTo(401);
            assertThat(status(request(secured.url() + "/health"))).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_connections_while_down_and_come_back_on_the_same_port() throws Exception {
        int port = vectorizer.port();
        vectorizer.faults().down();

        assertThatThrownBy(() -> get("/health")).isInstanceOf(ConnectException.class);
        vectorizer.faults().up();
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(vectorizer.port()).isEqualTo(port);
        assertThat(json(get("/nowhere")).get("error_type").asText()).isEqualTo("not_found");
    }

    private void seed(String collection, int count) {
        vectorizer.createCollection(collection, 4);
        for (int i = 0; i < count; i++) {
            vectorizer.put(collection, "p-" + i, new float[] {1, i, 0, 0}, Map.of("i", i));
        }
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "p-" + i).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(vectorizer.url() + path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = request(vectorizer.url() + path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static int status(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
