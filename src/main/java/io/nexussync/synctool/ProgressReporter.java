package io.nexussync.synctool;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Shows progress: on a terminal a bar redrawn in place with {@code \r} (a few times a second at most), elsewhere a
 * plain line every {@code intervalMs} so that logs and CI output stay readable.
 */
final class ProgressReporter {

    private static final long REDRAW_MS = 200;

    private final String collection;
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalMs;
    private final Clock clock;
    private long lastShown = Long.MIN_VALUE / 2;
    private int lastWidth;

    ProgressReporter(String collection, PrintStream out, boolean terminal, long intervalMs, Clock clock) {
        this.collection = collection;
        this.out = out;
        this.terminal = terminal;
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    void update(ProgressSnapshot snapshot) {
        long now = clock.millis();
        if (now - lastShown >= (terminal ? REDRAW_MS : intervalMs)) {
            show(snapshot);
            lastShown = now;
        }
    }

    /** Shows the final state and, on a terminal, ends the redrawn line. */
    void finish(ProgressSnapshot snapshot) {
        show(snapshot);
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(ProgressSnapshot snapshot) {
        if (terminal) {
            String text = ProgressLine.bar(collection, snapshot);
            // pad over the remains of a longer previous line
            out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            out.println(ProgressLine.line(collection, snapshot));
        }
        out.flush();
    }
}
