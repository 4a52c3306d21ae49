package io.nexussync.scan;

/**
 * Totals of one scan. {@code lastCursor} is the cursor after the last committed page (null once the listing ended);
 * {@code complete} is false when the scan stopped early (interrupted or the context stopping) and can resume there.
 */
public record ScanResult(long scanned, long missing, long stale, String lastCursor, boolean complete) {
}
