package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The REST write endpoints: inserts of texts and vectors, the no-op update, batch update and the deletes. */
final class WriteEndpoints {

    private final CollectionRegistry registry;

    WriteEndpoints(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** The vector ids one text became, and whether it was chunked. */
    private record Inserted(List<String> ids, boolean chunked) {
    }

    Object insert(Call call) {
        JsonNode body = call.json();
        String collection = Json.text(body, "collection");
        Inserted result = insertText(collection, Json.text(body, "text"), body, body);
        return Json.map("message", "Text inserted successfully (" + result.ids().size() + " vector(s) created)",
                "vectors_created", result.ids().size(), "vector_ids", result.ids(), "collection", collection,
                "chunked", result.chunked());
    }

    /** {@code /insert_texts} and {@code /batch_insert}: every entry succeeds or fails on its own. */
    Object insertTexts(Call call) {
        JsonNode body = call.json();
        String collection = Json.text(body, "collection");
        JsonNode texts = nonEmptyArray(body, "texts");
        List<Map<String, Object>> results = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode entry = texts.get(i);
            String clientId = entry.path("id").isTextual() ? entry.get("id").asText() : null;
            if (!entry.path("text").isTextual()) {
                results.add(Json.map("index", i, "status", "error", "error", "missing or invalid text field"));
                continue;
            }
            try {
                Inserted result = insertText(collection, entry.get("text").asText(), entry, body);
                results.add(Json.map("index", i, "client_id", clientId, "status", "ok", "vector_ids", result.ids(),
                        "vectors_created", result.ids().size(), "chunked", result.chunked()));
                inserted++;
            } catch (ApiError e) {
                results.add(failure(i, clientId, e));
            }
        }
        return batchAnswer(collection, inserted, texts.size(), results);
    }

    Object insertVectors(Call call) {
        JsonNode body = call.json();
        String name = Json.text(body, "collection");
        JsonNode vectors = nonEmptyArray(body, "vectors");
        StoredCollection collection = registry.getOrCreate(name);
        List<Map<String, Object>> results = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode entry = vectors.get(i);
            String clientId = entry.path("id").isTextual() ? entry.get("id").asText() : null;
            try {
                String id = clientId == null ? UUID.randomUUID().toString() : validClientId(clientId);
                float[] embedding = Json.floats(entry.get("embedding"), "embedding");
                if (embedding.length != collection.dimension) {
                    // the server answers validation_error here, not dimension_mismatch
                    throw ApiError.validation("embedding", "embedding length " + embedding.length
                            + " does not match collection dimension " + collection.dimension);
                }
                collection.upsert(id, embedding, entry.has("payload") ? payloadObject(entry.get("payload"))
                        : stringMetadata(entry));
                results.add(Json.map("index", i, "client_id", clientId, "status", "ok", "vector_ids", List.of(id)));
                inserted++;
            } catch (ApiError e) {
                results.add(failure(i, clientId, e));
            }
        }
        return batchAnswer(name, inserted, vectors.size(), results);
    }

    /** {@code POST /update} only invalidates the server's query cache: it answers success and changes nothing. */
    Object update(Call call) {
        JsonNode body = call.json();
        String id = Json.text(body, "id");
        Json.text(body, "collection");
        return Json.map("message", "Vector '" + id + "' updated successfully");
    }

    /** A {@code vector} replaces the data; a {@code payload} replaces the whole payload, JSON null clears it. */
    Object batchUpdate(Call call) {
        JsonNode body = call.json();
        String name = Json.text(body, "collection");
        JsonNode updates = nonEmptyArray(body, "updates");
        StoredCollection collection = registry.require(name);
        List<Map<String, Object>> results = new ArrayList<>();
        int updated = 0;
        for (int i = 0; i < updates.size(); i++) {
            JsonNode entry = updates.get(i);
            if (!entry.path("id").isTextual()) {
                results.add(Json.map("index", i, "status", "error", "error", "missing `id` field"));
                continue;
            }
            String id = entry.get("id").asText();
            StoredPoint existing = collection.get(id);
            String error = null;
            if (existing == null) {
                error = "Vector not found: " + id;
            } else {
                try {
                    float[] vector = entry.path("vector").isArray() ? Json.floats(entry.get("vector"), "vector") : existing.vector();
                    if (vector.length != collection.dimension) {
                        error = "vector dim " + vector.length + " != collection dim " + collection.dimension;
                    } else if (!collection.replace(id, vector, entry.has("payload") ? payloadObject(entry.get("payload")) : existing.payload())) {
                        error = "Vector not found: " + id;
                    }
                } catch (ApiError e) {
                    error = e.getMessage();
                }
            }
            results.add(error == null ? Json.map("index", i, "id", id, "status", "ok")
                    : Json.map("index", i, "id", id, "status", "error", "error", error));
            updated += error == null ? 1 : 0;
        }
        return Json.map("collection", name, "count", updates.size(), "updated", updated,
                "failed", updates.size() - updated, "results", results);
    }

    Object batchDelete(Call call) {
        JsonNode body = call.json();
        String name = Json.text(body, "collection");
        JsonNode ids = nonEmptyArray(body, "ids");
        StoredCollection collection = registry.find(name);
        List<Map<String, Object>> results = new ArrayList<>();
        int deleted = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isTextual()) {
                results.add(Json.map("index", i, "status", "error", "error", "id must be a string"));
                continue;
            }
            String id = ids.get(i).asText();
            // a missing collection fails every id, not the request
            String error = collection == null ? "Collection not found: " + name
                    : collection.remove(id) ? null : "Vector not found: " + id;
            results.add(error == null ? Json.map("index", i, "id", id, "status", "ok")
                    : Json.map("index", i, "id", id, "status", "error", "error", error));
            deleted += error == null ? 1 : 0;
        }
        return Json.map("collection", name, "count", ids.size(), "deleted", deleted, "failed", ids.size() - deleted,
                "results", results);
    }

    Object deleteVector(Call call) {
        String name = call.param(0);
        String id = call.param(1);
        if (!registry.require(name).remove(id)) {
            throw ApiError.vectorNotFound(id);
        }
        return Json.map("message", "Vector '" + id + "' deleted from collection '" + name + "'", "success", true);
    }

    Object deleteByFilter(Call call) {
        JsonNode filter = call.json().get("filter");
        if (filter == null) {
            throw ApiError.validation("filter", "missing filter field");
        }
        PayloadFilter predicate = PayloadFilter.parse(filter);
        StoredCollection collection = registry.require(call.param(0));
        List<StoredPoint> points = collection.snapshot();
        List<Map<String, Object>> results = new ArrayList<>();
        for (StoredPoint point : points) {
            if (point.payload() != null && predicate.matches(point.payload()) && collection.remove(point.id())) {
                results.add(Json.map("id", point.id(), "status", "deleted"));
            }
        }
        return Json.map("scanned", points.size(), "matched", results.size(), "deleted", results.size(), "results", results);
    }

    /**
     * The server's {@code insert_one_text}: texts over 2048 UTF-8 bytes (unless {@code auto_chunk:false}) become
     * {@code <id>#<i>} chunks with a flat payload; shorter ones keep only the stringified metadata, not the text.
     */
    private Inserted insertText(String name, String text, JsonNode entry, JsonNode defaults) {
        String clientId = entry.path("id").isTextual() ? validClientId(entry.get("id").asText()) : null;
        boolean autoChunk = entry.path("auto_chunk").asBoolean(defaults.path("auto_chunk").asBoolean(true));
        int size = (int) Json.unsigned(entry, "chunk_size", Json.unsigned(defaults, "chunk_size", TextChunker.DEFAULT_SIZE));
        int overlap = (int) Json.unsigned(entry, "chunk_overlap", Json.unsigned(defaults, "chunk_overlap", TextChunker.DEFAULT_OVERLAP));
        ObjectNode metadata = stringMetadata(entry);
        StoredCollection collection = registry.getOrCreate(name);
        if (collection.dimension != TextEmbedder.DEFAULT_DIMENSION) {
            // the BM25 provider always embeds to 512 dimensions
            throw ApiError.invalidDimension(collection.dimension, TextEmbedder.DEFAULT_DIMENSION);
        }
        boolean chunked = autoChunk && text.getBytes(StandardCharsets.UTF_8).length > TextChunker.CHUNK_THRESHOLD;
        List<String> ids = new ArrayList<>();
        if (!chunked) {
            String id = clientId == null ? UUID.randomUUID().toString() : clientId;
            collection.upsert(id, TextEmbedder.embed(text, collection.dimension), metadata);
            ids.add(id);
            return new Inserted(ids, false);
        }
        if (size == 0) {
            throw ApiError.validation("chunk_size", "chunk_size must be positive");
        }
        String parentId = clientId == null ? UUID.randomUUID().toString() : clientId;
        String filePath = metadata.path("filename").asText(metadata.path("file_path").asText("text_input"));
        List<String> chunks = TextChunker.chunk(text, size, overlap);
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode payload = Json.MAPPER.createObjectNode().put("content", chunks.get(i)).put("file_path", filePath)
                    .put("chunk_index", i).put("parent_id", parentId);
            // server keys win over colliding metadata keys
            metadata.fields().forEachRemaining(field -> payload.putIfAbsent(field.getKey(), field.getValue()));
            String id = clientId == null ? UUID.randomUUID().toString() : clientId + "#" + i;
            collection.upsert(id, TextEmbedder.embed(chunks.get(i), collection.dimension), payload);
            ids.add(id);
        }
        return new Inserted(ids, true);
    }

    private static String validClientId(String id) {
        String reason = id.isEmpty() ? "client id must not be empty"
                : id.length() > 256 ? "client id must be at most 256 characters (got " + id.length() + ")"
                : !id.strip().equals(id) ? "client id must not have leading or trailing whitespace"
                : id.contains("#") ? "client id must not contain '#' (reserved as chunk separator)" : null;
        if (reason != null) {
            throw ApiError.validation("id", reason);
        }
        return id;
    }

    /** The {@code metadata} object with every value stringified, as {@code parse_metadata} does. */
    private static ObjectNode stringMetadata(JsonNode entry) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        JsonNode metadata = entry.get("metadata");
        if (metadata != null && metadata.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // strings verbatim, anything else as its JSON text, like serde's Value::to_string
                payload.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
            }
        }
        return payload;
    }

    /** The server stores any JSON as payload; the emulator keeps objects (and null) only. */
    private static ObjectNode payloadObject(JsonNode payload) {
        if (payload.isNull()) {
            return null;
        }
        if (!payload.isObject()) {
            throw ApiError.validation("payload", "the emulator only stores JSON objects as payloads");
        }
        return (ObjectNode) payload.deepCopy();
    }

    private static JsonNode nonEmptyArray(JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            throw ApiError.validation(field, "missing or invalid " + field + " parameter");
        }
        if (array.isEmpty()) {
            throw ApiError.validation(field, field + " array must contain at least one entry");
        }
        return array;
    }

    private static Map<String, Object> failure(int index, String clientId, ApiError e) {
        return Json.map("index", index, "client_id", clientId, "status", "error", "error", e.getMessage(),
                "error_type", e.type);
    }

    private static Map<String, Object> batchAnswer(String collection, int inserted, int count, List<Map<String, Object>> results) {
        return Json.map("collection", collection, "inserted", inserted, "failed", count - inserted, "count", count,
                "results", results);
    }
}
