package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One routed request: the path parameters, the decoded query parameters and the body, parsed on demand. */
final class Call {

    private final List<String> params;
    private final Map<String, String> query;
    private final byte[] body;
    private final String contentType;
    private JsonNode json;

    Call(List<String> params, Map<String, String> query, byte[] body, String contentType) {
        this.params = params;
        this.query = query;
        this.body = body;
        this.contentType = contentType;
    }

    String param(int index) {
        return params.get(index);
    }

    String query(String name) {
        return query.get(name);
    }

    /** The body as a JSON object, checked like axum's Json extractor: 415 without a JSON Content-Type, else 400. */
    JsonNode json() {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw ApiError.of(415, "unsupported_media_type", "Expected request with `Content-Type: application/json`");
        }
        return anyContentType();
    }

    /** The body as a JSON object whatever the Content-Type (handlers that read the raw bytes, like Qdrant upsert). */
    JsonNode anyContentType() {
        if (json == null) {
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw ApiError.badRequest("Failed to parse the request body as JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (json == null || !json.isObject()) {
                throw ApiError.badRequest("Failed to deserialize the JSON body: expected a JSON object");
            }
        }
        return json;
    }
}
