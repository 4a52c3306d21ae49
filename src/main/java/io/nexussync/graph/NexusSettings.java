package io.nexussync.graph;

import java.net.URI;

import io.nexussync.config.SettingsReader;

/** Where Nexus is and how the bridge talks to it, including the circuit breaker used by the graph-write route. */
public record NexusSettings(URI url, String apiKey, int connectTimeoutMs, int requestTimeoutMs, int maxConnections,
        int breakerWindow, int breakerMinimumCalls, int breakerFailureRatePercent, int breakerWaitSeconds, int breakerHalfOpenCalls,
        long schemaRetryMs, int redeliveries, long redeliveryDelayMs, long redeliveryMaxDelayMs) {

    public static NexusSettings from(SettingsReader reader) {
        return new NexusSettings(
                reader.httpUrl("nexus.url", "http://localhost:15474"),
                reader.string("nexus.api-key", ""),
                reader.integer("nexus.connect-timeout-ms", 2000, 100, 60_000),
                reader.integer("nexus.request-timeout-ms", 30_000, 100, 600_000),
                reader.integer("nexus.max-connections", 8, 1, 256),
                reader.integer("nexus.breaker.sliding-window-size", 20, 1, 1000),
                reader.integer("nexus.breaker.minimum-calls", 5, 1, 1000),
                reader.integer("nexus.breaker.failure-rate-percent", 50, 1, 100),
                reader.integer("nexus.breaker.wait-seconds", 10, 1, 3600),
                reader.integer("nexus.breaker.half-open-calls", 2, 1, 100),
                reader.longValue("nexus.schema-retry-ms", 15_000, 100, 3_600_000),
                reader.integer("nexus.redelivery.maximum", 2, 0, 20),
                reader.longValue("nexus.redelivery.delay-ms", 200, 1, 60_000),
                reader.longValue("nexus.redelivery.max-delay-ms", 2000, 1, 600_000));
    }

    @Override
    public String toString() {
        return "NexusSettings[url=" + url + ", apiKey=" + (apiKey.isEmpty() ? "unset" : "set") + "]";
    }
}
