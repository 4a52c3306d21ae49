package io.nexussync.pipeline;

import io.nexussync.config.SettingsReader;

/** Batching and polling settings the pipeline routes read as placeholders; checked here so a bad one stops start-up. */
public record BatchSettings(int maxSize, long timeoutMs, long pollIntervalMs, long maintenanceIntervalMs) {

    public static BatchSettings from(SettingsReader reader) {
        return new BatchSettings(
                reader.integer("batch.max-size", 500, 1, 10_000),
                reader.longValue("batch.timeout-ms", 200, 1, 600_000),
                reader.longValue("inbox.poll-interval-ms", 50, 1, 600_000),
                reader.longValue("inbox.maintenance-interval-ms", 30_000, 100, 86_400_000));
    }
}
