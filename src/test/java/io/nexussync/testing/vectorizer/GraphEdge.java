package io.nexussync.testing.vectorizer;

import java.time.Instant;
import java.util.Map;

/** An edge of Vectorizer's own per-collection graph, in the shape of {@code GET /graph/collections/{c}/edges}. */
record GraphEdge(String source, String target, String relationshipType, double weight, Instant createdAt) {

    String id() {
        return source + ":" + target + ":" + relationshipType;
    }

    Map<String, Object> json() {
        return Json.map("id", id(), "source", source, "target", target, "relationship_type", relationshipType,
                "weight", (float) weight, "metadata", Map.of(), "created_at", createdAt.toString());
    }
}
