package io.nexussync.testing.nexus;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The optional API-key check, with the header order and 401 bodies of Nexus' auth middleware. */
final class ApiKeyGuard {

    private final byte[] apiKey;

    ApiKeyGuard(String apiKey) {
        this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns null when the request may pass, otherwise the body of the 401 answer. */
    Map<String, Object> rejection(Headers headers) {
        if (apiKey == null) {
            return null;
        }
        String presented = bearerToken(headers.getFirst("Authorization"));
        if (presented == null) {
            presented = headers.getFirst("X-API-Key");
        }
        if (presented == null || presented.isBlank()) {
            return body("AUTHENTICATION_REQUIRED", "Authentication required for this endpoint");
        }
        if (!MessageDigest.isEqual(apiKey, presented.trim().getBytes(StandardCharsets.UTF_8))) {
            return body("INVALID_TOKEN", "Invalid or expired authentication token");
        }
        return null;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7);
    }

    private static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("details", null);
        return body;
    }
}
