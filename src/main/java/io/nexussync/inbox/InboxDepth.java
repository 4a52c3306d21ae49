package io.nexussync.inbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of events in the inbox, kept in memory so the webhook path need not count rows; periodically re-read
 * from the table to correct any drift.
 */
public final class InboxDepth {

    private final AtomicLong depth = new AtomicLong();

    public long get() {
        return depth.get();
    }

    public void add(long n) {
        depth.addAndGet(n);
    }

    public void remove(long n) {
        depth.updateAndGet(d -> Math.max(0, d - n));
    }

    public void reset(long counted) {
        depth.set(counted);
    }
}
