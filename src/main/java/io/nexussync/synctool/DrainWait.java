package io.nexussync.synctool;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Waits until a job has nothing left in the inbox. Gives up when the count has not moved for the stall timeout
 * (Nexus unreachable beyond its retries, or the pipeline stuck): the documents stay in the inbox for the bridge.
 */
final class DrainWait {

    /** No progress for the whole stall timeout. */
    static final class Stalled extends RuntimeException {
        Stalled(String message) {
            super(message);
        }
    }

    private final long pollMs;
    private final long stallTimeoutMs;
    private final Clock clock;

    DrainWait(long pollMs, long stallTimeoutMs, Clock clock) {
        this.pollMs = pollMs;
        this.stallTimeoutMs = stallTimeoutMs;
        this.clock = clock;
    }

    /** True once {@code pending} reaches zero; false when {@code stop} answers true first. */
    boolean await(LongSupplier pending, BooleanSupplier stop, LongConsumer onProgress) {
        long last = pending.getAsLong();
        long lastMoved = clock.millis();
        while (last > 0) {
            onProgress.accept(last);
            if (stop.getAsBoolean()) {
                return false;
            }
            if (clock.millis() - lastMoved > stallTimeoutMs) {
                throw new Stalled(last + " documents not applied after " + stallTimeoutMs / 1000
                        + " s without progress; they stay in the inbox");
            }
            pause();
            long now = pending.getAsLong();
            if (now != last) {
                last = now;
                lastMoved = clock.millis();
            }
        }
        onProgress.accept(0);
        return true;
    }

    private void pause() {
        try {
            Thread.sleep(pollMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline", e);
        }
    }
}
