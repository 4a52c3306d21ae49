package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /graphql} for the two reads that matter for syncing: {@code vectors(input:{collection, limit, cursor})}
 * (limit default 100, max 1000; the cursor is a stringified offset) and {@code vector(collection, id)} (null when
 * missing). Vector fields honour the selection; page fields are always all sent. Errors are answered with HTTP 200
 * and {@code {"data":null,"errors":[{"message"}]}}.
 */
final class GraphqlEndpoint {

    static final int MAX_PAGE = 1000;

    private final CollectionRegistry registry;

    GraphqlEndpoint(CollectionRegistry registry) {
        this.registry = registry;
    }

    Object handle(Call call) {
        JsonNode body = call.json();
        if (!body.path("query").isTextual()) {
            return error("missing query", null);
        }
        List<GraphqlQuery.Field> fields;
        try {
            fields = GraphqlQuery.parse(body.get("query").asText(), body.get("variables"));
        } catch (GraphqlQuery.Invalid e) {
            return error(e.getMessage(), null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (GraphqlQuery.Field field : fields) {
            try {
                switch (field.name()) {
                    case "vectors": data.put(field.alias(), vectors(field.args().path("input"), field.selection())); break;
                    case "vector": data.put(field.alias(), vector(field.args(), field.selection())); break;
                    case "__typename": data.put(field.alias(), "QueryRoot"); break;
                    default: return error("Unknown field \"" + field.name() + "\" on type \"QueryRoot\".", null);
                }
            } catch (GraphqlQuery.Invalid e) {
                return error(e.getMessage(), field.alias());
            }
        }
        return Json.map("data", data);
    }

    private Map<String, Object> vectors(JsonNode input, Set<String> selection) {
        StoredCollection collection = registry.find(required(input, "collection", "input.collection"));
        if (collection == null) {
            throw new GraphqlQuery.Invalid("Collection not found: Collection not found: " + input.get("collection").asText());
        }
        List<StoredPoint> all = collection.snapshot();
        long limit = Math.max(0, Math.min(MAX_PAGE, input.path("limit").isNumber() ? input.get("limit").asLong() : 100));
        int offset = 0;
        try {
            offset = input.hasNonNull("cursor") ? Math.max(0, Integer.parseInt(input.get("cursor").asText())) : 0;
        } catch (NumberFormatException e) {
            // the server ignores a cursor it cannot parse and starts from the beginning
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = offset; i < all.size() && items.size() < limit; i++) {
            items.add(item(all.get(i), selection));
        }
        boolean hasNext = offset + items.size() < all.size();
        return Json.map("items", items, "totalCount", all.size(), "hasNextPage", hasNext,
                "nextCursor", hasNext ? String.valueOf(offset + items.size()) : null);
    }

    private Map<String, Object> vector(JsonNode args, Set<String> selection) {
        String id = required(args, "id", "id");
        StoredCollection collection = registry.find(required(args, "collection", "collection"));
        StoredPoint point = collection == null ? null : collection.get(id);
        return point == null ? null : item(point, selection);
    }

    /** Only the selected fields: a sync asking for ids and payloads should not pay for 1,000 vectors of floats. */
    private static Map<String, Object> item(StoredPoint point, Set<String> selection) {
        Map<String, Object> item = Json.map("id", point.id(), "data", point.vector(), "dimension", point.vector().length,
                "payload", point.payload());
        item.keySet().removeIf(key -> !selection.isEmpty() && !selection.contains(key));
        return item;
    }

    private static String required(JsonNode args, String name, String label) {
        if (!args.path(name).isTextual()) {
            throw new GraphqlQuery.Invalid("Invalid value for argument \"" + label + "\", expected type \"String\"");
        }
        return args.get(name).asText();
    }

    private static Map<String, Object> error(String message, String path) {
        Map<String, Object> error = path == null ? Json.map("message", message)
                : Json.map("message", message, "path", List.of(path));
        return Json.map("data", null, "errors", List.of(error));
    }
}
