package io.nexussync.proxy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading vector ids out of Vectorizer's JSON requests and answers, tolerant of shapes it does not expect. */
final class JsonIds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonIds() {
    }

    static List<String> okIds(JsonNode response, JsonNode requested, String requestField) {
        JsonNode results = response.path("results");
        List<String> ids = new ArrayList<>();
        if (results.isArray() && !results.isEmpty()) {
            for (JsonNode result : results) {
                String id = text(result.get("id"));
                if (isOk(result) && id != null) {
                    ids.add(id);
                }
            }
            return ids;
        }
        for (JsonNode item : requested) {
            String id = text(requestField == null ? item : item.get(requestField));
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    static boolean isOk(JsonNode result) {
        return !result.has("status") || "ok".equalsIgnoreCase(result.path("status").asText());
    }

    /** Ids are strings in Vectorizer; Qdrant clients may send numbers, which Vectorizer stores stringified. */
    static String text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
            return null;
        }
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode node : array) {
            String id = text(node);
            if (id != null && seen.add(id)) {
                out.add(id);
            }
        }
        return out;
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
