package io.nexussync.testing.vectorizer;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The global auth middleware of the real server (off when no key is configured). Credentials are read in its
 * order: {@code Authorization: Bearer <jwt>} (the emulator issues no JWTs, so a Bearer value never passes, even
 * when it is the API key), {@code Authorization: <raw key>}, {@code X-API-Key}, then {@code ?api_key=} taken raw.
 */
final class ApiKeyCheck {

    static final String MESSAGE = "Authentication required. Provide a valid JWT token or API key.";

    private final byte[] apiKey;

    ApiKeyCheck(String apiKey) {
        this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Null when the request may pass, otherwise the 401 answer (no details field, as the middleware writes it). */
    Reply rejection(String path, Headers headers, String rawQuery) {
        if (apiKey == null || path.equals("/health") || path.startsWith("/dashboard")) {
            return null;
        }
        String presented = null;
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && !authorization.startsWith("Bearer ")) {
            presented = authorization;
        }
        if (presented == null) {
            presented = headers.getFirst("X-API-Key");
        }
        if (presented == null && rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("api_key=")) {
                    presented = pair.substring("api_key=".length());
                    break;
                }
            }
        }
        if (presented != null && MessageDigest.isEqual(apiKey, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new Reply(401, Json.map("error_type", "unauthorized", "message", MESSAGE, "status_code", 401), null);
    }
}
