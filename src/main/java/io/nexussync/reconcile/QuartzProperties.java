package io.nexussync.reconcile;

import java.util.Properties;

/**
 * The Quartz scheduler configuration. On PostgreSQL a clustered JDBC job store shares the schedule between bridge
 * instances, so each firing runs on one of them; on H2 (one instance by design) the schedule lives in memory.
 */
public final class QuartzProperties {

    /** Name under which the state-store connection provider is registered with Quartz's DBConnectionManager. */
    public static final String DATA_SOURCE = "nexusSyncState";
    /** Same on every node: Quartz clusters the schedulers that share a name and a database. */
    static final String INSTANCE_NAME = "nexus-sync-scheduler";

    private QuartzProperties() {
    }

    public static Properties of(boolean postgres, ReconcileSettings settings) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", INSTANCE_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // one schedule whose job never overlaps itself (stateful): a second thread is spare for JMX-started triggers
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        // a firing missed by more than this (a busy or stopped node) is skipped, not replayed in a burst
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThresholdMs()));
        if (!postgres) {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            return p;
        }
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.clusterCheckinIntervalMs()));
        return p;
    }
}
