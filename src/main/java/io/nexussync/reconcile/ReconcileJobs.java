package io.nexussync.reconcile;

import java.time.Clock;
import java.util.List;

import io.nexussync.jobs.Job;
import io.nexussync.store.StateStore;

/** Questions about reconcile jobs in {@code sync_job} that decide whether a new run should start. */
public final class ReconcileJobs {

    private final StateStore store;
    private final long runningTimeoutMs;
    private final Clock clock;

    /**
     * {@code runningTimeoutMs}: a RUNNING row older than this belongs to a process that died mid-run and no longer
     * blocks a new run.
     */
    public ReconcileJobs(StateStore store, long runningTimeoutMs, Clock clock) {
        this.store = store;
        this.runningTimeoutMs = runningTimeoutMs;
        this.clock = clock;
    }

    /** Whether a reconcile job of the collection is running (or queued to run) on any instance. */
    public boolean isRunning(String tenant, String collection) {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM sync_job WHERE tenant = ? AND collection = ?"
                + " AND kind = ? AND state = ? AND started_at > ?", Long.class, tenant, collection, Job.RECONCILE,
                Job.RUNNING, clock.millis() - runningTimeoutMs);
        return n != null && n > 0;
    }

    /**
     * Whether a reconcile job of the collection started at or after {@code since}: a request made before that run
     * began is served by it, so requests that pile up during a run cause one more run, not one each.
     */
    public boolean startedSince(String tenant, String collection, long since) {
        List<Long> ids = store.jdbc().queryForList("SELECT id FROM sync_job WHERE tenant = ? AND collection = ?"
                + " AND kind = ? AND started_at >= ? ORDER BY id DESC LIMIT 1", Long.class, tenant, collection,
                Job.RECONCILE, since);
        return !ids.isEmpty();
    }
}
