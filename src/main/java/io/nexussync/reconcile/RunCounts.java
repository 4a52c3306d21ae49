package io.nexussync.reconcile;

import io.nexussync.jobs.JobCounts;

/** The running totals of one reconciliation run, kept by the thread that runs it. */
final class RunCounts {

    long scanned;
    long missing;
    long stale;
    long orphaned;
    long repaired;
    long errors;
    Long total;

    JobCounts snapshot() {
        return new JobCounts(scanned, missing, stale, orphaned, repaired, errors);
    }
}
