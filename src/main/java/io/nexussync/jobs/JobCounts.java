package io.nexussync.jobs;

/** Running totals of a job: points scanned, documents found missing or stale in the graph, orphans, repairs, errors. */
public record JobCounts(long scanned, long missing, long stale, long orphaned, long repaired, long errors) {

    public static final JobCounts ZERO = new JobCounts(0, 0, 0, 0, 0, 0);

    public JobCounts plus(JobCounts other) {
        return new JobCounts(scanned + other.scanned, missing + other.missing, stale + other.stale,
                orphaned + other.orphaned, repaired + other.repaired, errors + other.errors);
    }
}
