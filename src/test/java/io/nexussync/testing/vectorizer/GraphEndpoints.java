package io.nexussync.testing.vectorizer;

import java.util.List;
import java.util.Map;

/**
 * Vectorizer's own graph API, read side. Its handlers answer errors as {@code {"error": "..."}}, not the standard
 * body. The emulator treats the graph as enabled on every collection (the server needs {@code /graph/enable}).
 */
final class GraphEndpoints {

    private final CollectionRegistry registry;

    GraphEndpoints(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** {@code ?relationship_type=} filters and {@code ?limit=} truncates, as on the server. */
    Object edges(Call call) {
        StoredCollection collection = registry.find(call.param(0));
        if (collection == null) {
            return notFound(call.param(0));
        }
        String asked = call.query("relationship_type");
        // the server filters only by the four types it knows; any other value lists every edge
        String type = asked != null && List.of("SIMILAR_TO", "REFERENCES", "CONTAINS", "DERIVED_FROM").contains(asked)
                ? asked : null;
        List<Map<String, Object>> edges = collection.edges().stream()
                .filter(e -> type == null || e.relationshipType().equals(type))
                .limit(limit(call.query("limit")))
                .map(GraphEdge::json)
                .toList();
        return Json.map("edges", edges, "count", edges.size());
    }

    /**
     * Outgoing edges only, each as {@code {"node":{id,node_type,metadata,created_at},"edge":{...}}}; the node's
     * metadata is the target point's payload. A node that is neither a point nor an edge end is a 500, as there.
     */
    Object neighbors(Call call) {
        StoredCollection collection = registry.find(call.param(0));
        if (collection == null) {
            return notFound(call.param(0));
        }
        String id = call.param(1);
        List<GraphEdge> edges = collection.edges();
        boolean known = collection.get(id) != null
                || edges.stream().anyMatch(e -> e.source().equals(id) || e.target().equals(id));
        if (!known) {
            return new Reply(500, Json.map("error", "Failed to get neighbors: Node '" + id + "' not found"), null);
        }
        List<Map<String, Object>> neighbors = edges.stream().filter(e -> e.source().equals(id)).map(e -> {
            StoredPoint target = collection.get(e.target());
            Object metadata = target == null || target.payload() == null ? Map.of() : target.payload();
            Map<String, Object> node = Json.map("id", e.target(), "node_type", "document", "metadata", metadata,
                    "created_at", collection.createdAt.toString());
            return Json.map("node", node, "edge", e.json());
        }).toList();
        return Json.map("neighbors", neighbors);
    }

    /** An unparsable limit means no limit, as the server's {@code parse().ok()} does. */
    private static long limit(String value) {
        try {
            return value == null ? Long.MAX_VALUE : Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Reply notFound(String collection) {
        return new Reply(404, Json.map("error", "Collection '" + collection + "' not found"), null);
    }
}
