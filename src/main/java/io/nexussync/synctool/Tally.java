package io.nexussync.synctool;

import io.nexussync.jobs.JobCounts;
import io.nexussync.scan.PageResult;

/** The running counts of a sync job, starting from those an interrupted earlier run left. */
final class Tally {

    private final long scannedBefore;
    private long scanned;
    private long missing;
    private long stale;
    private long total;

    Tally() {
        this(JobCounts.ZERO, null);
    }

    Tally(JobCounts previous, Long total) {
        this.scannedBefore = previous.scanned();
        this.scanned = previous.scanned();
        this.missing = previous.missing();
        this.stale = previous.stale();
        this.total = total == null ? 0 : total;
    }

    void add(PageResult page) {
        scanned += page.scanned();
        missing += page.missing();
        stale += page.stale();
        total = page.total();
    }

    JobCounts counts() {
        return new JobCounts(scanned, missing, stale, 0, 0, 0);
    }

    long enqueued() {
        return missing + stale;
    }

    long total() {
        return total;
    }

    long scannedBefore() {
        return scannedBefore;
    }

    /** A snapshot with {@code pending} of the enqueued documents not yet settled. */
    ProgressSnapshot snapshot(long pending, long elapsedMs, boolean scanning) {
        return new ProgressSnapshot(scanned, scannedBefore, total, enqueued(), Math.max(0, enqueued() - pending),
                elapsedMs, scanning);
    }
}
