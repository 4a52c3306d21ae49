package io.nexussync.testing.nexus;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /health (also GET /) and GET /stats in the Nexus 2.5 shapes. */
final class StatusEndpoints {

    static final String VERSION = "2.5.0";

    private final EmbeddedNeo4j graph;
    private final long startedAtNanos = System.nanoTime();

    StatusEndpoints(EmbeddedNeo4j graph) {
        this.graph = graph;
    }

    void health(HttpExchange exchange) throws IOException {
        long probeStarted = System.nanoTime();
        String status = graph.isAvailable() ? "Healthy" : "Unhealthy";
        double probeMillis = (System.nanoTime() - probeStarted) / 1_000_000.0;
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", status);
        database.put("response_time_ms", probeMillis);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("timestamp", Instant.now().toString());
        body.put("uptime_seconds", (System.nanoTime() - startedAtNanos) / 1_000_000_000L);
        body.put("version", VERSION);
        body.put("components", Map.of("database", database));
        HttpJson.send(exchange, 200, body);
    }

    void stats(HttpExchange exchange) throws IOException {
        Map<String, Object> catalog = graph.catalog();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("catalog", catalog);
        body.put("label_index", Map.of("indexed_labels", catalog.get("label_count"), "total_nodes", catalog.get("node_count")));
        // Nexus hard-codes these at 2.5.0 (no vector is ever indexed)
        body.put("knn_index", Map.of("total_vectors", 0, "dimension", 128, "avg_search_time_us", 0.0));
        HttpJson.send(exchange, 200, body);
    }
}
