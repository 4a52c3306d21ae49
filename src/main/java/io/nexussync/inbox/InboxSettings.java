package io.nexussync.inbox;

import io.nexussync.config.SettingsReader;

/**
 * Inbox capacity, whether and how this instance's pipeline claims from it, and how failed events are retried.
 *
 * @param consume false on an instance that only accepts into a shared inbox while another one runs the pipeline
 */
public record InboxSettings(boolean consume, long maxDepth, long fullRetryAfterSeconds, int pollBatchSize, int maxInFlight,
        long claimTimeoutMs, long dedupeRetentionMs, int maxAttempts, long retryInitialDelayMs, long retryMaxDelayMs) {

    public static InboxSettings from(SettingsReader reader) {
        InboxSettings settings = new InboxSettings(
                reader.bool("inbox.consume", true),
                reader.longValue("inbox.max-depth", 1_000_000, 1, 1_000_000_000),
                reader.longValue("inbox.full-retry-after-seconds", 30, 1, 3600),
                reader.integer("inbox.poll-batch-size", 1000, 1, 10_000),
                reader.integer("inbox.max-in-flight", 5000, 1, 1_000_000),
                reader.longValue("inbox.claim-timeout-ms", 600_000, 1000, 86_400_000),
                reader.longValue("webhook.dedupe-retention-hours", 24, 1, 24 * 365) * 3_600_000,
                reader.integer("sync.max-attempts", 5, 1, 100),
                reader.longValue("sync.retry.initial-delay-ms", 1000, 1, 3_600_000),
                reader.longValue("sync.retry.max-delay-ms", 300_000, 1, 86_400_000));
        if (settings.retryMaxDelayMs < settings.retryInitialDelayMs) {
            throw new io.nexussync.config.InvalidSettingException("sync.retry.max-delay-ms",
                    "must not be below sync.retry.initial-delay-ms");
        }
        return settings;
    }

    /** Exponential backoff before attempt {@code attempts + 1}: initial, 2x, 4x ... capped at the maximum. */
    public long retryDelayMs(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        return Math.min(retryMaxDelayMs, retryInitialDelayMs << doublings);
    }
}
