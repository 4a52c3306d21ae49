package io.nexussync.vectorizer;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Vectorizer client against the emulator, which keeps the real server's traps. */
class VectorizerClientTest {

    private static final VectorizerEmulator SERVER = VectorizerEmulator.start("test-key");

    @BeforeEach
    void reset() {
        SERVER.reset();
    }

    @AfterAll
    static void close() {
        SERVER.close();
    }

    @Test
    void should_fetch_points_by_id_with_the_qdrant_retrieve_call_and_skip_missing_ones() {
        SERVER.createCollection("docs", 3);
        SERVER.put("docs", "a", new float[] {1, 0, 0}, Map.of("title", "A"));
        List<VectorPoint> points = client("graphql").retrieve("docs", List.of("a", "missing"), true);
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("a");
            assertThat(p.payload().get("title").asText()).isEqualTo("A");
            assertThat(p.vector()).hasSize(3);
        });
        assertThat(SERVER.requests().count("GET", "/collections/docs/vectors/")).isZero();
        assertThat(client("graphql").retrieve("no_such_collection", List.of("a"), false)).isEmpty();
    }

    @Test
    void should_page_a_collection_by_graphql_and_by_rest_without_losing_or_repeating_ids() {
        SERVER.createCollection("big", 2);
        for (int i = 0; i < 2_345; i++) {
            SERVER.put("big", "p" + i, new float[] {1, i}, Map.of("n", i));
        }
        for (String paging : List.of("graphql", "rest")) {
            VectorizerClient client = client(paging);
            Set<String> seen = new HashSet<>();
            List<Integer> pageSizes = new ArrayList<>();
            String cursor = null;
            do {
                VectorizerClient.Page page = client.page("big", cursor, false);
                page.points().forEach(p -> assertThat(seen.add(p.id())).as(paging + " repeats " + p.id()).isTrue());
                pageSizes.add(page.points().size());
                assertThat(page.total()).isEqualTo(2_345);
                cursor = page.next();
            } while (cursor != null);
            assertThat(seen).as(paging).hasSize(2_345);
            assertThat(pageSizes.get(0)).as(paging).isEqualTo(paging.equals("rest") ? 50 : 1000);
        }
    }

    @Test
    void should_wait_out_a_429_for_its_retry_after_and_then_succeed() {
        SERVER.createCollection("docs", 3);
        SERVER.put("docs", "a", new float[] {1, 0, 0}, Map.of());
        SERVER.faults().rateLimitNext(2, 1);
        long start = System.nanoTime();
        assertThat(client("graphql").retrieve("docs", List.of("a"), false)).hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_900);
        assertThat(SERVER.requests().count("POST", "/qdrant/collections/docs/points")).isEqualTo(3);
    }

    @Test
    void should_fail_at_once_when_retry_after_is_longer_than_the_client_waits() {
        SERVER.createCollection("docs", 3);
        SERVER.faults().unavailableNext(1, 120);
        assertThatThrownBy(() -> client("graphql").retrieve("docs", List.of("a"), false))
                .isInstanceOfSatisfying(VectorizerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterMillis()).isEqualTo(120_000);
                    assertThat(e.isTransient()).isTrue();
                });
    }

    @Test
    void should_not_fail_a_call_on_a_pooled_connection_that_a_restarted_vectorizer_closed() {
        SERVER.createCollection("docs", 3);
        SERVER.put("docs", "a", new float[] {1, 0, 0}, Map.of());
        VectorizerClient client = client("graphql");
        assertThat(client.retrieve("docs", List.of("a"), false)).hasSize(1);
        SERVER.faults().down();
        SERVER.faults().up();
        assertThat(client.retrieve("docs", List.of("a"), false)).hasSize(1);
    }

    @Test
    void should_send_the_api_key_as_x_api_key_and_report_a_wrong_one() {
        SERVER.createCollection("docs", 3);
        assertThat(client("graphql").collections()).contains("docs");
        VectorizerClient wrong = new VectorizerClient(settings("graphql", "wrong-key"));
        assertThatThrownBy(wrong::collections).isInstanceOfSatisfying(VectorizerException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void should_search_above_a_threshold_and_replace_payloads_with_batch_update() {
        SERVER.createCollection("docs", 3);
        SERVER.put("docs", "a", new float[] {1, 0, 0}, Map.of("title", "A", "keep", "no"));
        SERVER.put("docs", "b", new float[] {0.9f, 0.1f, 0}, Map.of("title", "B"));
        SERVER.put("docs", "c", new float[] {0, 0, 1}, Map.of("title", "C"));
        VectorizerClient client = client("graphql");
        var query = client.retrieve("docs", List.of("a"), true).get(0).vector();
        assertThat(client.search("docs", query, 10, 0.75)).extracting(ScoredPoint::id).containsExactly("a", "b");

        client.batchUpdate("docs", List.of(Map.of("id", "a", "payload", Map.of("title", "A2"))));
        assertThat(SERVER.get("docs", "a").orElseThrow().payload().toString()).isEqualTo("{\"title\":\"A2\"}");
    }

    private static VectorizerClient client(String paging) {
        return new VectorizerClient(settings(paging, "test-key"));
    }

    private static VectorizerSettings settings(String paging, String key) {
        return new VectorizerSettings(URI.create(SERVER.url()), key, 1000, 5000, 4, 3, 2000, 256,
                paging.equals("rest") ? 50 : 1000, paging);
    }
}
