package io.nexussync.proxy;

import java.util.Map;

/**
 * A client's request to Vectorizer as the proxy forwards it.
 *
 * @param path     the Vectorizer path, {@code /vectorizer} removed, still URL-encoded
 * @param query    the raw query string, or null
 * @param headers  the end-to-end headers to forward (case-insensitive keys), the client's credentials included
 */
public record ProxiedRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public String pathAndQuery() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    public boolean isWrite() {
        return ProxiedWrite.isWrite(method, path);
    }
}
