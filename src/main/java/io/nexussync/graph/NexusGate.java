package io.nexussync.graph;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the pipeline back while Nexus is unavailable or has asked for a pause, so claimed events are not burned on
 * calls that cannot succeed. Pauses grow exponentially with consecutive failures, capped at the breaker's wait time.
 */
public final class NexusGate {

    private static final long FIRST_PAUSE_MS = 500;

    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final long maxPauseMs;
    private final Clock clock;

    public NexusGate(long maxPauseMs, Clock clock) {
        this.maxPauseMs = maxPauseMs;
        this.clock = clock;
    }

    public boolean isOpen() {
        return clock.millis() >= pausedUntil.get();
    }

    /** Records a failed call and returns how long the pipeline now waits. */
    public long failed(long requestedPauseMs) {
        long failures = consecutiveFailures.incrementAndGet();
        long backoff = Math.min(maxPauseMs, FIRST_PAUSE_MS << Math.min(failures - 1, 20));
        long pause = Math.max(backoff, requestedPauseMs);
        pausedUntil.accumulateAndGet(clock.millis() + pause, Math::max);
        return pause;
    }

    public void succeeded() {
        consecutiveFailures.set(0);
    }

    public long consecutiveFailures() {
        return consecutiveFailures.get();
    }
}
