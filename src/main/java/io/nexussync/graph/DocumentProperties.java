package io.nexussync.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.pipeline.DocumentChange;

/**
 * Maps a document change to the properties of its {@code :Document} node: the fixed sync properties plus the
 * payload's short scalar fields under whitelisted keys. Long text is not copied; the payload's hash is.
 */
public final class DocumentProperties {

    /** Property keys that payload fields may never overwrite. */
    public static final Set<String> RESERVED = Set.of("uid", "tenant", "collection", "vector_id", "parent_id",
            "title", "doc_type", "domain", "content_hash", "source_seq", "synced_at");
    /** Payload key the enrichment writes back into Vectorizer; never part of the graph or the hash. */
    public static final String GRAPH_CONTEXT_KEY = "_graph";
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The mapped node: its properties (null values remove keys) and the payload keys it now carries. */
    public record Mapped(Map<String, Object> properties, Set<String> payloadKeys, String contentHash) {
    }

    private final GraphSettings settings;

    public DocumentProperties(GraphSettings settings) {
        this.settings = settings;
    }

    public Mapped map(DocumentChange change, long syncedAt) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("uid", change.uid());
        props.put("tenant", change.tenant());
        props.put("collection", change.collection());
        props.put("vector_id", change.vectorId());
        props.put("parent_id", parentId(change.vectorId()));
        props.put("source_seq", change.seq());
        props.put("synced_at", syncedAt);
        if (change.domain() != null) {
            props.put("domain", change.domain());
        }
        ObjectNode payload = change.payload();
        if (payload == null) {
            // a thin event says the document exists; it knows nothing about its fields, so it keeps them
            return new Mapped(props, change.previousPropertyKeys(), change.previous() == null
                    ? null : change.previous().contentHash());
        }
        props.put("title", scalar(payload.get("title")));
        props.put("doc_type", scalar(payload.get("doc_type")));
        String hash = contentHash(payload);
        props.put("content_hash", hash);
        Set<String> keys = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            Object value = scalar(field.getValue());
            if (value != null && copyable(key) && keys.size() < settings.maxPayloadProperties()) {
                props.put(key, value);
                keys.add(key);
            }
        }
        for (String old : change.previousPropertyKeys()) {
            if (!keys.contains(old) && !RESERVED.contains(old)) {
                props.put(old, null);
            }
        }
        return new Mapped(props, keys, hash);
    }

    /** Chunk ids look like {@code doc-17#0}; every chunk of one source document shares the part before '#'. */
    static String parentId(String vectorId) {
        int hash = vectorId.indexOf('#');
        return hash > 0 ? vectorId.substring(0, hash) : vectorId;
    }

    private boolean copyable(String key) {
        return KEY.matcher(key).matches() && !RESERVED.contains(key) && !settings.textFields().contains(key)
               && !GRAPH_CONTEXT_KEY.equals(key);
    }

    private Object scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText();
            return text.length() <= settings.maxStringLength() ? text : null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        return value.isNumber() ? value.doubleValue() : null;
    }

    /** SHA-256 over the payload without {@code _graph}, with keys sorted so equal payloads hash equally. */
    public static String contentHash(ObjectNode payload) {
        try {
            Object canonical = CANONICAL.treeToValue(payload, TreeMap.class);
            ((Map<?, ?>) canonical).remove(GRAPH_CONTEXT_KEY);
            byte[] json = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash payload", e);
        }
    }
}
