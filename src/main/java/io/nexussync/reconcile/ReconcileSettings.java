package io.nexussync.reconcile;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;
import org.quartz.CronExpression;

/**
 * How reconciliation runs: its schedule, how much it repairs per run and page, how long an orphan must stay one before
 * it is removed, and the Quartz cluster timings used on PostgreSQL.
 */
public record ReconcileSettings(boolean enabled, String cron, int similarityRepairLimit, int pageSize,
        int orphanLimit, long orphanGraceMs, long misfireThresholdMs, long clusterCheckinIntervalMs) {

    static final String DEFAULT_CRON = "0 0/15 * * * ?";

    public static ReconcileSettings from(SettingsReader reader) {
        String cron = reader.string("reconcile.cron", DEFAULT_CRON);
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidSettingException("reconcile.cron", "'" + cron
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
        return new ReconcileSettings(reader.bool("reconcile.enabled", true), cron,
                reader.integer("reconcile.similarity-repair-limit", 10_000, 0, 10_000_000),
                reader.integer("reconcile.page-size", 1000, 10, 10_000),
                reader.integer("reconcile.orphan-limit", 10_000, 0, 1_000_000),
                reader.longValue("reconcile.orphan-grace-ms", 5_000, 0, 600_000),
                reader.longValue("reconcile.misfire-threshold-ms", 1_000, 100, 3_600_000),
                reader.longValue("reconcile.cluster.checkin-interval-ms", 5_000, 500, 600_000));
    }
}
