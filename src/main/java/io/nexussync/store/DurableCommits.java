package io.nexussync.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes committed transactions survive a killed process before anything is acknowledged. PostgreSQL commits are
 * durable already. H2 writes commits to its file in the background, up to WRITE_DELAY (500 ms) later, so an
 * acknowledgement waits for a CHECKPOINT; concurrent callers share one (group commit).
 *
 * <p>H2's WRITE_DELAY=0 would also write every commit, but it runs MVStore without its background writer, a rarely
 * used mode that corrupted the file under our load (MVStoreException "Position 0", see h2database#4012).
 */
public final class DurableCommits {

    private final StateStore store;
    private final boolean flush;
    private final AtomicLong requested = new AtomicLong();
    private final Object flushLock = new Object();
    private long flushed;

    public DurableCommits(StateStore store, boolean flush) {
        this.store = store;
        this.flush = flush;
    }

    /** Returns once every transaction this thread committed before the call is on disk. */
    public void await() {
        if (!flush) {
            return;
        }
        long ticket = requested.incrementAndGet();
        synchronized (flushLock) {
            if (flushed >= ticket) {
                // a CHECKPOINT that started after this caller's commit has already covered it
                return;
            }
            long upTo = requested.get();
            store.jdbc().execute("CHECKPOINT");
            flushed = upTo;
        }
    }

    /** Whether an H2 URL names a database on disk (in-memory ones have nothing to flush). */
    static boolean needsFlush(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }
}
