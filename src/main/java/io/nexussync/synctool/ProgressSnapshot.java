package io.nexussync.synctool;

/**
 * Where a sync stands: points scanned of the collection's total (0 when unknown), {@code scannedBefore} of them by
 * earlier runs of a resumed job, documents enqueued and how many of those the pipeline has finished (applied or
 * dead-lettered), time since this run started, and whether the listing is still being read.
 */
public record ProgressSnapshot(long scanned, long scannedBefore, long total, long enqueued, long settled,
        long elapsedMs, boolean scanning) {

    /** Points per second scanned by this run. */
    public double rate() {
        return elapsedMs <= 0 ? 0 : (scanned - scannedBefore) * 1000.0 / elapsedMs;
    }

    /** Percentage of the collection scanned, or -1 when the total is unknown. */
    public double percent() {
        return total <= 0 ? -1 : Math.min(100.0, scanned * 100.0 / total);
    }

    /** Seconds until the listing is read at the current rate, or -1 when it cannot be told. */
    public long etaSeconds() {
        double rate = rate();
        if (!scanning) {
            return 0;
        }
        return total <= 0 || rate <= 0 ? -1 : (long) Math.ceil(Math.max(0, total - scanned) / rate);
    }
}
