package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Qdrant-compatible point endpoints under {@code /qdrant/collections/{c}/points}, bugs included. */
final class QdrantEndpoints {

    private static final float[] NO_VECTOR = new float[0];

    private final CollectionRegistry registry;

    QdrantEndpoints(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** Missing ids are skipped; {@code with_payload} defaults to true, {@code with_vector} to false ({@code []}). */
    Object retrieve(Call call) {
        JsonNode body = call.json();
        StoredCollection collection = require(call.param(0));
        boolean withPayload = body.path("with_payload").asBoolean(true);
        boolean withVector = body.path("with_vector").asBoolean(false);
        List<Map<String, Object>> result = new ArrayList<>();
        for (JsonNode id : body.path("ids")) {
            StoredPoint point = collection.get(pointId(id));
            if (point != null) {
                result.add(Json.map("id", point.id(), "vector", withVector ? point.vector() : NO_VECTOR,
                        "payload", withPayload ? point.payload() : null));
            }
        }
        return Json.map("result", result);
    }

    /**
     * Fire-and-forget on the server: validation (collection, dimensions) answers errors, but the insert itself runs
     * in the background and always answers "acknowledged". The emulator applies it before answering.
     */
    Object upsert(Call call) {
        JsonNode body = call.anyContentType();
        StoredCollection collection = require(call.param(0));
        List<StoredPoint> points = new ArrayList<>();
        for (JsonNode point : body.path("points")) {
            JsonNode vector = point.path("vector");
            // a named vector map is flattened to its first vector, as the server does
            float[] data = Json.floats(vector.isObject() && vector.size() > 0 ? vector.elements().next() : vector, "vector");
            if (data.length != collection.dimension) {
                throw ApiError.of(400, "vector_dimension_mismatch", "Vector dimension mismatch: expected "
                        + collection.dimension + ", got " + data.length);
            }
            JsonNode payload = point.path("payload");
            points.add(new StoredPoint(pointId(point.path("id")), data, payload.isObject() ? (ObjectNode) payload.deepCopy() : null));
        }
        points.forEach(p -> collection.upsert(p.id(), p.vector(), p.payload()));
        return acknowledged();
    }

    /** {@code {"points":[ids]}}; unknown ids are ignored. Answers like the server: acknowledged, no operation id. */
    Object delete(Call call) {
        JsonNode body = call.json();
        StoredCollection collection = require(call.param(0));
        for (JsonNode id : body.path("points")) {
            collection.remove(pointId(id));
        }
        return acknowledged();
    }

    /**
     * The server's scroll: {@code filter}, {@code with_payload} and {@code with_vector} are ignored;
     * {@code next_page_offset} is the last id of this page and the next page starts at it, so pages overlap by one
     * point (with {@code limit:1} it never advances); an unknown offset restarts from the beginning.
     */
    Object scroll(Call call) {
        JsonNode body = call.json();
        List<StoredPoint> all = require(call.param(0)).snapshot();
        int limit = (int) Json.unsigned(body, "limit", 10);
        int start = 0;
        if (body.hasNonNull("offset")) {
            String offset = pointId(body.get("offset"));
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(offset)) {
                    start = i;
                    break;
                }
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (StoredPoint p : all.subList(start, (int) Math.min(all.size(), (long) start + limit))) {
            points.add(Json.map("id", p.id(), "vector", p.vector(), "payload", p.payload()));
        }
        Object next = (long) start + limit < all.size() && !points.isEmpty() ? points.get(points.size() - 1).get("id") : null;
        return Json.map("result", Json.map("points", points, "next_page_offset", next));
    }

    private StoredCollection require(String name) {
        StoredCollection collection = registry.find(name);
        if (collection == null) {
            throw ApiError.qdrantCollectionNotFound(name);
        }
        return collection;
    }

    /** Qdrant ids are unsigned integers or strings; the server stores them all as strings. */
    private static String pointId(JsonNode id) {
        if (id.isTextual() || (id.isIntegralNumber() && id.asLong() >= 0)) {
            return id.asText();
        }
        throw ApiError.badRequest("Invalid JSON: point id must be an unsigned integer or a string, got " + id);
    }

    private static Map<String, Object> acknowledged() {
        return Json.map("status", "acknowledged", "operation_id", null);
    }
}
