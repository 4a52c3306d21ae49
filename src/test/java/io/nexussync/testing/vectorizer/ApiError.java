package io.nexussync.testing.vectorizer;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure answered with Vectorizer's error body {@code {error_type, message, details?, status_code}}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final transient Map<String, Object> details;
    final Integer retryAfter;

    ApiError(int status, String type, String message, Map<String, Object> details, Integer retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    static ApiError of(int status, String type, String message) {
        return new ApiError(status, type, message, null, null);
    }

    static ApiError validation(String field, String reason) {
        return new ApiError(400, "validation_error", "Invalid " + field + ": " + reason,
                Json.map("field", field, "reason", reason), null);
    }

    static ApiError badRequest(String message) {
        return of(400, "bad_request", message);
    }

    static ApiError collectionNotFound(String name) {
        return new ApiError(404, "collection_not_found", "Collection not found: " + name,
                Json.map("collection_name", name), null);
    }

    /** The shorter form of the Qdrant-compatible handlers ({@code create_not_found_error}): no details. */
    static ApiError qdrantCollectionNotFound(String name) {
        return of(404, "collection_not_found", "collection '" + name + "' not found");
    }

    static ApiError vectorNotFound(String id) {
        return new ApiError(404, "vector_not_found", "Vector not found: " + id, Json.map("vector_id", id), null);
    }

    static ApiError invalidDimension(int expected, int got) {
        return new ApiError(400, "invalid_dimension", "Invalid dimension: expected " + expected + ", got " + got,
                Json.map("expected_dimension", expected, "actual_dimension", got), null);
    }

    static ApiError rateLimited(int retryAfterSeconds) {
        return new ApiError(429, "rate_limit_exceeded", "Rate limit exceeded, retry after " + retryAfterSeconds + "s",
                Json.map("retry_after_seconds", retryAfterSeconds), retryAfterSeconds);
    }

    static ApiError unavailable(int retryAfterSeconds) {
        return new ApiError(503, "service_unavailable", "Service temporarily unavailable", null, retryAfterSeconds);
    }

    Reply reply() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_type", type);
        body.put("message", getMessage());
        if (details != null) {
            body.put("details", details);
        }
        body.put("status_code", status);
        return new Reply(status, body, retryAfter);
    }
}
