package io.nexussync.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.Operation;

/**
 * Maps a successful write proxied to Vectorizer 3.5 to the inbox entries it implies, one small method per endpoint.
 * Ids come from Vectorizer's answer where it gives them (chunked inserts create ids the client never sent); a write
 * whose ids cannot be known (delete by filter) asks for a reconciliation of its collection instead.
 */
public final class ProxiedWrite {

    /** What a proxied request means for the sync: inbox entries, and collections to reconcile (with why). */
    public record Mapping(List<InboxEntry> entries, Set<String> reconcile, String trigger) {

        static final Mapping NONE = new Mapping(List.of(), Set.of(), null);

        public boolean isEmpty() {
            return entries.isEmpty() && reconcile.isEmpty();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VECTOR = Pattern.compile("/collections/([^/]+)/vectors/([^/]+)");
    private static final Pattern COLLECTION = Pattern.compile("/collections/([^/]+)");
    private static final Pattern BY_FILTER = Pattern.compile(
            "/collections/([^/]+)/vectors/(delete_by_filter|bulk_update_metadata)");
    private static final Pattern QDRANT_POINTS = Pattern.compile("/qdrant/collections/([^/]+)/points");
    private static final Pattern QDRANT_DELETE = Pattern.compile("/qdrant/collections/([^/]+)/points/delete");

    private final String tenant;

    public ProxiedWrite(String tenant) {
        this.tenant = tenant;
    }

    /** Whether Vectorizer changes vectors when it accepts this request (reads and unknown paths do not count). */
    public static boolean isWrite(String method, String path) {
        return switch (method) {
            case "POST" -> switch (path) {
                case "/insert", "/insert_texts", "/batch_insert", "/insert_vectors", "/batch_update",
                     "/batch_delete" -> true;
                default -> BY_FILTER.matcher(path).matches() || QDRANT_DELETE.matcher(path).matches();
            };
            case "PUT" -> QDRANT_POINTS.matcher(path).matches();
            case "DELETE" -> VECTOR.matcher(path).matches() || COLLECTION.matcher(path).matches();
            default -> false;
        };
    }

    /**
     * The collection a write names in its path or body, or null: what to reconcile when the write's outcome is
     * unknown (the connection failed after the request was sent).
     */
    public static String collectionOf(String path, byte[] requestBody) {
        for (Pattern pattern : List.of(BY_FILTER, QDRANT_DELETE, QDRANT_POINTS, VECTOR, COLLECTION)) {
            Matcher m = pattern.matcher(path);
            if (m.matches()) {
                return decode(m.group(1));
            }
        }
        return JsonIds.text(JsonIds.parse(requestBody).get("collection"));
    }

    /** The mapping of a request Vectorizer answered with a 2xx; a read maps to nothing. */
    public Mapping map(String method, String path, byte[] requestBody, byte[] responseBody) {
        if (!isWrite(method, path)) {
            return Mapping.NONE;
        }
        JsonNode request = JsonIds.parse(requestBody);
        JsonNode response = JsonIds.parse(responseBody);
        Matcher m;
        if ("DELETE".equals(method)) {
            m = VECTOR.matcher(path);
            if (m.matches()) {
                return entries(List.of(delete(decode(m.group(1)), decode(m.group(2)))));
            }
            m = COLLECTION.matcher(path);
            m.matches();
            return reconcile(decode(m.group(1)), "proxy:delete_collection");
        }
        if ((m = BY_FILTER.matcher(path)).matches()) {
            return reconcile(decode(m.group(1)), "proxy:" + m.group(2));
        }
        if ((m = QDRANT_DELETE.matcher(path)).matches()) {
            return qdrantDelete(decode(m.group(1)), request);
        }
        if ((m = QDRANT_POINTS.matcher(path)).matches()) {
            return qdrantUpsert(decode(m.group(1)), request);
        }
        String collection = collectionOf(request, response);
        if (collection == null) {
            return Mapping.NONE;
        }
        return switch (path) {
            case "/insert" -> insert(collection, response);
            case "/batch_update" -> batchUpdate(collection, request, response);
            case "/batch_delete" -> batchDelete(collection, request, response);
            default -> batchInsert(collection, response);
        };
    }

    /** {@code POST /insert}: one thin upsert per created vector, chunk ids included. */
    Mapping insert(String collection, JsonNode response) {
        if (!response.path("vector_ids").isArray()) {
            return reconcile(collection, "proxy:insert");
        }
        return entries(JsonIds.texts(response.path("vector_ids")).stream().map(id -> upsert(collection, id))
                .toList());
    }

    /** {@code /insert_texts}, {@code /batch_insert}, {@code /insert_vectors}: the ids of every item that went in. */
    Mapping batchInsert(String collection, JsonNode response) {
        if (!response.path("results").isArray()) {
            return reconcile(collection, "proxy:batch_insert");
        }
        List<InboxEntry> out = new ArrayList<>();
        for (JsonNode result : response.path("results")) {
            if (JsonIds.isOk(result)) {
                JsonIds.texts(result.path("vector_ids")).forEach(id -> out.add(upsert(collection, id)));
            }
        }
        return entries(out);
    }

    /** {@code /batch_update}: ids reported updated; the request's ids when the answer lists none. */
    Mapping batchUpdate(String collection, JsonNode request, JsonNode response) {
        List<String> ids = JsonIds.okIds(response, request.path("updates"), "id");
        return entries(ids.stream().map(id -> upsert(collection, id)).toList());
    }

    /** {@code /batch_delete}: ids reported deleted; the request's ids when the answer lists none. */
    Mapping batchDelete(String collection, JsonNode request, JsonNode response) {
        List<String> ids = JsonIds.okIds(response, request.path("ids"), null);
        return entries(ids.stream().map(id -> delete(collection, id)).toList());
    }

    /**
     * {@code PUT /qdrant/collections/{c}/points}: Vectorizer answers before the points are stored and names none, so
     * the events carry the request's payload and vector; hydrating them could find nothing yet and delete them.
     */
    Mapping qdrantUpsert(String collection, JsonNode request) {
        if (!request.path("points").isArray()) {
            return reconcile(collection, "proxy:qdrant_upsert");
        }
        if (request.hasNonNull("public_key")) {
            // Vectorizer stores these payloads encrypted: the plaintext of the request must not reach the graph, so
            // the points are hydrated from what Vectorizer holds
            return entries(JsonIds.texts(idsOf(request.path("points"))).stream().map(id -> upsert(collection, id))
                    .toList());
        }
        List<InboxEntry> out = new ArrayList<>();
        for (JsonNode point : request.path("points")) {
            String id = JsonIds.text(point.get("id"));
            if (id == null) {
                continue;
            }
            ObjectNode event = thin("VectorUpdated", collection, id);
            event.set("payload", point.path("payload").isObject() ? point.get("payload") : MAPPER.createObjectNode());
            if (point.path("vector").isArray() && !point.path("vector").isEmpty()) {
                event.set("vector", point.get("vector"));
            }
            out.add(new InboxEntry(tenant, collection, id, Operation.UPSERT, "VectorUpdated", event.toString()));
        }
        return entries(out);
    }

    /** {@code POST /qdrant/collections/{c}/points/delete}: the listed ids; a filter cannot be mapped. */
    Mapping qdrantDelete(String collection, JsonNode request) {
        if (!request.path("points").isArray()) {
            return reconcile(collection, "proxy:qdrant_delete_by_filter");
        }
        return entries(JsonIds.texts(request.path("points")).stream().map(id -> delete(collection, id)).toList());
    }

    private static JsonNode idsOf(JsonNode points) {
        com.fasterxml.jackson.databind.node.ArrayNode ids = MAPPER.createArrayNode();
        points.forEach(p -> ids.add(p.path("id")));
        return ids;
    }

    private InboxEntry upsert(String collection, String id) {
        return new InboxEntry(tenant, collection, id, Operation.UPSERT, "VectorUpdated",
                thin("VectorUpdated", collection, id).toString());
    }

    private InboxEntry delete(String collection, String id) {
        return new InboxEntry(tenant, collection, id, Operation.DELETE, "VectorDeleted",
                thin("VectorDeleted", collection, id).toString());
    }

    private static ObjectNode thin(String event, String collection, String id) {
        return MAPPER.createObjectNode().put("event", event).put("collection", collection).put("vector_id", id);
    }

    private static Mapping entries(List<InboxEntry> entries) {
        return new Mapping(List.copyOf(entries), Set.of(), null);
    }

    private static Mapping reconcile(String collection, String trigger) {
        return new Mapping(List.of(), Set.of(collection), trigger);
    }

    private static String collectionOf(JsonNode request, JsonNode response) {
        String collection = JsonIds.text(request.get("collection"));
        return collection != null ? collection : JsonIds.text(response.get("collection"));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
