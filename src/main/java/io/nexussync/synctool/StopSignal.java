package io.nexussync.synctool;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C or SIGTERM into a cooperative stop: the hook raises a flag the scan and the drain check between
 * steps, then holds the JVM until the job is recorded as INTERRUPTED with its cursor and the bridge has stopped.
 * Interrupting the worker instead could close H2's file channel in the middle of a commit.
 */
final class StopSignal {

    private static final long GRACE_SECONDS = 60;
    private static final AtomicBoolean SIGNALLED = new AtomicBoolean();

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "sync-tool-stop");

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    static boolean signalled() {
        return SIGNALLED.get();
    }

    boolean requested() {
        return requested.get();
    }

    /** The run is over and the bridge stopped: a hook waiting for it may let the JVM go. */
    void finished() {
        finished.countDown();
    }

    void uninstall() {
        finished();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and is let go by finished()
        }
    }

    private void onSignal() {
        SIGNALLED.set(true);
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
