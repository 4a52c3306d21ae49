package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The REST reads: the capped listing, the mock get-by-id, and vector and text search. */
final class ReadEndpoints {

    static final int LIST_LIMIT_CAP = 50;
    static final int SEARCH_LIMIT_CAP = 100;

    private final CollectionRegistry registry;

    ReadEndpoints(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** {@code limit} defaults to 10 and is capped at 50; the message is null when everything fits in one page. */
    Object list(Call call) {
        List<StoredPoint> points = registry.require(call.param(0)).snapshot();
        int limit = Math.min(LIST_LIMIT_CAP, parseOr(call.query("limit"), 10));
        int offset = parseOr(call.query("offset"), 0);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < points.size() && page.size() < limit; i++) {
            StoredPoint p = points.get(i);
            page.add(Json.map("id", p.id(), "vector", p.vector(), "payload", p.payload()));
        }
        int total = points.size();
        String message = total > limit
                ? "Showing " + Math.min(limit, total) + " of " + total + " vectors. Use pagination for more." : null;
        return Json.map("vectors", page, "total", total, "limit", limit, "offset", offset, "message", message);
    }

    /** The trap: the server answers mock data for any id, existing or not (only the collection is checked). */
    Object mockGet(Call call) {
        String name = registry.require(call.param(0)).name;
        float[] vector = new float[TextEmbedder.DEFAULT_DIMENSION];
        Arrays.fill(vector, 0.1f);
        return Json.map("id", call.param(1), "vector", vector, "metadata", Json.map("collection", name));
    }

    Object search(Call call) {
        return vectorSearch(Json.text(call.json(), "collection"), call.json());
    }

    Object collectionSearch(Call call) {
        return vectorSearch(call.param(0), call.json());
    }

    /** The query is embedded by the default 512-dimension provider, and {@code threshold} is not applied. */
    Object textSearch(Call call) {
        JsonNode body = call.json();
        String query = Json.text(body, "query");
        int limit = limit(body);
        StoredCollection collection = registry.require(call.param(0));
        if (collection.dimension != TextEmbedder.DEFAULT_DIMENSION) {
            throw ApiError.badRequest("Search failed: Invalid dimension: expected " + collection.dimension + ", got 512");
        }
        List<Map<String, Object>> results = top(collection, TextEmbedder.embed(query, collection.dimension), limit, null);
        return Json.map("results", results, "query", query, "limit", limit, "collection", collection.name,
                "total_results", results.size());
    }

    private Object vectorSearch(String name, JsonNode body) {
        float[] query = Json.floats(body.get("vector"), "vector");
        int limit = limit(body);
        Double threshold = body.path("threshold").isNumber() ? body.get("threshold").asDouble() : null;
        StoredCollection collection = registry.require(name);
        if (query.length != collection.dimension) {
            throw ApiError.validation("vector", "vector dimension " + query.length
                    + " does not match collection dimension " + collection.dimension);
        }
        List<Map<String, Object>> results = top(collection, query, limit, threshold);
        return Json.map("results", results, "query_type", "vector", "limit", limit, "collection", name,
                "total_results", results.size());
    }

    /** Exhaustive scoring (exact, where HNSW is approximate); the threshold filters after the top-k cut, as the server does. */
    private static List<Map<String, Object>> top(StoredCollection collection, float[] query, int limit, Double threshold) {
        record Scored(StoredPoint point, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (StoredPoint point : collection.snapshot()) {
            scored.add(new Scored(point, collection.metric.score(query, point.vector())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Map<String, Object>> results = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            if (threshold == null || s.score() >= threshold) {
                results.add(Json.map("id", s.point().id(), "score", (float) s.score(), "vector", s.point().vector(),
                        "payload", s.point().payload()));
            }
        }
        return results;
    }

    private static int limit(JsonNode body) {
        return (int) Math.min(SEARCH_LIMIT_CAP, Json.unsigned(body, "limit", 10));
    }

    /** Like Rust's {@code parse::<usize>().ok().unwrap_or(default)}: anything but a non-negative integer is the default. */
    private static int parseOr(String value, int fallback) {
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value);
            return parsed < 0 ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
