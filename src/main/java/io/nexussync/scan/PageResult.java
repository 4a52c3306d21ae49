package io.nexussync.scan;

import java.util.List;

/**
 * One committed page: the cursor to resume after it (null after the last page), how many points it held, how many of
 * them were missing from or stale in the graph (and enqueued), the uids of every point on it, and the collection size
 * Vectorizer reported.
 */
public record PageResult(String nextCursor, int scanned, int missing, int stale, List<String> uids, long total) {
}
