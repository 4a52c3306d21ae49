package io.nexussync.synctool;

import java.util.Locale;

/** Renders a {@link ProgressSnapshot} as a terminal bar or as a plain log line; pure, no I/O. */
public final class ProgressLine {

    static final int BAR_WIDTH = 30;

    private ProgressLine() {
    }

    /** One line for a terminal, redrawn in place: bar, percentage, done/total, rate, ETA, then how many enqueued documents
     * are settled (applied or dead-lettered). */
    public static String bar(String collection, ProgressSnapshot s) {
        double percent = s.percent();
        int filled = percent < 0 ? 0 : (int) Math.round(percent / 100 * BAR_WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %s %s  %s  ETA %s  settled %d/%d", collection,
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent(s), done(s), rate(s),
                eta(s.etaSeconds()), s.settled(), s.enqueued());
    }

    /** A self-contained line for logs, printed every few seconds when there is no terminal. */
    public static String line(String collection, ProgressSnapshot s) {
        return String.format(Locale.ROOT, "sync %s: %s %s scanned, %d/%d settled, %s, ETA %s",
                collection, percent(s), done(s), s.settled(), s.enqueued(), rate(s),
                eta(s.etaSeconds()));
    }

    static String eta(long seconds) {
        if (seconds < 0) {
            return "--:--";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    private static String percent(ProgressSnapshot s) {
        return s.percent() < 0 ? "  ?%" : String.format(Locale.ROOT, "%5.1f%%", s.percent());
    }

    private static String done(ProgressSnapshot s) {
        return s.total() <= 0 ? Long.toString(s.scanned()) : s.scanned() + "/" + s.total();
    }

    private static String rate(ProgressSnapshot s) {
        return String.format(Locale.ROOT, "%.0f docs/s", s.rate());
    }
}
