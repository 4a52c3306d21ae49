package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON helpers. Responses are built as maps holding {@code float[]} rather than node trees: Jackson writes primitive
 * arrays directly, which matters when a page carries 1,000 vectors of 512 floats.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An insertion-ordered map of the alternating keys and values, which may be null. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Parses a JSON array of numbers, or throws a validation error on {@code field}. */
    static float[] floats(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw ApiError.validation(field, "missing or invalid " + field + " parameter");
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            if (!array.get(i).isNumber()) {
                throw ApiError.validation(field, field + "[" + i + "] is not a number");
            }
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    /** A required string field, with the server's wording when it is missing. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiError.validation(field, "missing or invalid " + field + " parameter");
        }
        return value.asText();
    }

    /** A non-negative integer field, or the default when absent or not a non-negative integer (serde's as_u64). */
    static long unsigned(JsonNode body, String field, long fallback) {
        JsonNode value = body.get(field);
        return value != null && value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= 0
                ? value.asLong() : fallback;
    }
}
