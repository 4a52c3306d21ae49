package io.nexussync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a unified GC log ({@code -Xlog:gc}) for heap occupancy before and after collections. */
final class GcLog {

    // G1: "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 180M->40M(512M) 5.123ms"
    // ZGC: "GC(3) Garbage Collection (Allocation Rate) 300M(59%)->100M(20%)"
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M(?:\\(\\d+%\\))?->(\\d+)M");

    private GcLog() {
    }

    static long peakHeapMb(Path log) throws IOException {
        return peak(log, 1);
    }

    /** The largest heap still live right after a collection: what the bridge actually needs. */
    static long peakLiveHeapMb(Path log) throws IOException {
        return peak(log, 2);
    }

    private static long peak(Path log, int group) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak;
    }
}
