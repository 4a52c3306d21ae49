package io.nexussync.vectorizer;

import java.net.URI;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;

/**
 * Where Vectorizer is and how the bridge talks to it.
 *
 * @param retryAttempts   calls per request when Vectorizer answers 429/503 (the first included)
 * @param retryMaxWaitMs  the longest Retry-After the client waits out in place; a longer one fails the call at once
 * @param pageSize        vectors per page when a collection is listed (GraphQL allows 1000, REST caps at 50)
 * @param paging          {@code graphql} or {@code rest}
 */
public record VectorizerSettings(URI url, String apiKey, int connectTimeoutMs, int requestTimeoutMs,
        int maxConnections, int retryAttempts, long retryMaxWaitMs, int fetchBatchSize, int pageSize, String paging) {

    public static VectorizerSettings from(SettingsReader reader) {
        String paging = reader.string("vectorizer.paging", "graphql");
        if (!paging.equals("graphql") && !paging.equals("rest")) {
            throw new InvalidSettingException("vectorizer.paging", "'" + paging + "' is not graphql or rest");
        }
        return new VectorizerSettings(
                reader.httpUrl("vectorizer.url", "http://localhost:15002"),
                reader.string("vectorizer.api-key", ""),
                reader.integer("vectorizer.connect-timeout-ms", 2000, 100, 60_000),
                reader.integer("vectorizer.request-timeout-ms", 30_000, 100, 600_000),
                reader.integer("vectorizer.max-connections", 16, 1, 256),
                reader.integer("vectorizer.retry.attempts", 3, 1, 20),
                reader.longValue("vectorizer.retry.max-wait-ms", 10_000, 0, 600_000),
                reader.integer("vectorizer.fetch-batch-size", 256, 1, 1000),
                reader.integer("vectorizer.page-size", paging.equals("rest") ? 50 : 1000, 1, 1000),
                paging);
    }

    @Override
    public String toString() {
        return "VectorizerSettings[url=" + url + ", apiKey=" + (apiKey.isEmpty() ? "unset" : "set") + "]";
    }
}
