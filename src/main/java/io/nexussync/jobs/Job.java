package io.nexussync.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code sync_job}. {@code cursor} is the listing cursor after the last committed page (null before the
 * first page and after the last one); {@code total} is the collection size Vectorizer reported, when known.
 */
public record Job(long id, String tenant, String collection, String kind, String startedBy, String state,
        String cursor, JobCounts counts, Long total, long startedAt, Long finishedAt, String error) {

    public static final String RECONCILE = "reconcile";
    public static final String SYNC = "sync";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    public boolean finished() {
        return finishedAt != null;
    }

    /** Milliseconds from start to finish, or to {@code now} while the job runs. */
    public long durationMs(long now) {
        return Math.max(0, (finishedAt == null ? now : finishedAt) - startedAt);
    }

    /** The JSON shape the admin API and the sync tool's report use (snake_case keys, nulls kept). */
    public Map<String, Object> toJson(long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("tenant", tenant);
        json.put("collection", collection);
        json.put("kind", kind);
        json.put("started_by", startedBy);
        json.put("state", state);
        json.put("cursor", cursor);
        json.put("scanned", counts.scanned());
        json.put("missing", counts.missing());
        json.put("stale", counts.stale());
        json.put("orphaned", counts.orphaned());
        json.put("repaired", counts.repaired());
        json.put("errors", counts.errors());
        json.put("total", total);
        json.put("started_at", startedAt);
        json.put("finished_at", finishedAt);
        json.put("duration_ms", durationMs(now));
        json.put("error", error);
        return json;
    }
}
