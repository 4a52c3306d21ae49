package io.nexussync.scan;

import java.util.function.BooleanSupplier;

import io.nexussync.inbox.InboxDepth;

/**
 * Keeps a bulk producer from filling the inbox past {@code inbox.max-depth}: before a page is enqueued it waits, with
 * a growing pause, until the pipeline has drained enough room. Webhooks keep the headroom a scan leaves them only in
 * the sense that a scan never takes the inbox past its limit.
 */
public final class InboxCapacity {

    private final InboxDepth depth;
    private final long maxDepth;
    private final long initialPauseMs;
    private final long maxPauseMs;

    public InboxCapacity(InboxDepth depth, long maxDepth, long initialPauseMs, long maxPauseMs) {
        this.depth = depth;
        this.maxDepth = maxDepth;
        this.initialPauseMs = initialPauseMs;
        this.maxPauseMs = maxPauseMs;
    }

    /**
     * Returns true once {@code n} more events fit; false when the thread was interrupted (flag kept set) or
     * {@code stop} answered true while waiting. A page larger than the whole limit waits for an empty inbox.
     */
    public boolean awaitRoom(int n, BooleanSupplier stop) {
        long pause = initialPauseMs;
        while (depth.get() > 0 && depth.get() + n > maxDepth) {
            if (stop.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(maxPauseMs, pause * 2);
        }
        return !Thread.currentThread().isInterrupted();
    }

    public void added(int n) {
        depth.add(n);
    }
}
