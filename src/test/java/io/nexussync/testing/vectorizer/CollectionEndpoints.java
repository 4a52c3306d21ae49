package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /health} and the REST collection endpoints. */
final class CollectionEndpoints {

    static final String VERSION = "3.5.0";

    private final CollectionRegistry registry;

    CollectionEndpoints(CollectionRegistry registry) {
        this.registry = registry;
    }

    Object health(Call call) {
        Map<String, Object> cache = Json.map("size", 0, "capacity", 0, "hits", 0, "misses", 0, "evictions", 0,
                "hit_rate", 0.0);
        return Json.map("status", "healthy", "timestamp", Instant.now().toString(), "version", VERSION, "cache", cache);
    }

    Object list(Call call) {
        List<Map<String, Object>> infos = registry.sorted().stream().map(c -> {
            Map<String, Object> info = info(c);
            // the list handler stamps updated_at with the current time, not the collection's
            info.put("updated_at", Instant.now().toString());
            info.put("normalization", Json.map("enabled", false, "level", "Disabled"));
            info.put("indexing_status", Json.map("status", "completed", "progress", 1.0, "total_documents", c.size(),
                    "processed_documents", c.size(), "errors", 0));
            return info;
        }).toList();
        return Json.map("collections", infos, "total_collections", infos.size());
    }

    Object get(Call call) {
        StoredCollection collection = registry.require(call.param(0));
        Map<String, Object> info = info(collection);
        info.put("normalization", Json.map("enabled", false, "message", "Text normalization is disabled for this collection"));
        info.put("vector_count_history", List.of());
        info.put("status", "ready");
        return info;
    }

    /** The REST create insists on the default provider's dimension (BM25: 512); Qdrant's create does not. */
    Object create(Call call) {
        JsonNode body = call.json();
        String name = Json.text(body, "name");
        int dimension = (int) Json.unsigned(body, "dimension", TextEmbedder.DEFAULT_DIMENSION);
        Metric metric = Metric.parse(body.path("metric").asText("cosine"));
        if (dimension != TextEmbedder.DEFAULT_DIMENSION) {
            throw new ApiError(400, "provider_dimension_mismatch", "Provider 'bm25' has dimension 512, request asked for "
                    + dimension, Json.map("provider", "bm25", "provider_dimension", 512, "requested_dimension", dimension),
                    null);
        }
        registry.create(name, dimension, metric);
        return Json.map("message", "Collection '" + name + "' created successfully", "collection", name,
                "dimension", dimension, "metric", body.path("metric").asText("cosine"));
    }

    Object delete(Call call) {
        String name = call.param(0);
        if (!registry.drop(name)) {
            throw ApiError.collectionNotFound(name);
        }
        return Json.map("message", "Collection '" + name + "' deleted successfully");
    }

    private static Map<String, Object> info(StoredCollection c) {
        List<StoredPoint> points = c.snapshot();
        // document_count counts distinct payload.file_path values, as the server's metadata does
        Set<String> files = new HashSet<>();
        long payloadBytes = 0;
        for (StoredPoint point : points) {
            ObjectNode payload = point.payload();
            if (payload != null && payload.hasNonNull("file_path")) {
                files.add(payload.get("file_path").asText());
            }
            payloadBytes += payload == null ? 0 : payload.size() * 32L;
        }
        long indexBytes = (long) points.size() * c.dimension * Float.BYTES;
        // the server also sends human-readable "total"/"index"/"payload" sizes; estimates either way
        Map<String, Object> size = Json.map("total_bytes", indexBytes + payloadBytes, "index_bytes", indexBytes,
                "payload_bytes", payloadBytes);
        return Json.map("name", c.name, "vector_count", points.size(), "document_count", files.size(),
                "dimension", c.dimension, "metric", c.metric.name(), "embedding_provider", "bm25", "size", size,
                "quantization", Json.map("enabled", false, "type", "None", "bits", 0),
                "created_at", c.createdAt.toString(), "updated_at", c.updatedAt().toString());
    }
}
