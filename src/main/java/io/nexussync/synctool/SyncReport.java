package io.nexussync.synctool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The outcome of one run of the sync tool. Counts are the job's totals (a resumed job keeps those of its earlier
 * runs); duration and throughput are of this run. {@code synced} = enqueued - failed - pending (pending: still in the
 * inbox when the run stopped early), {@code skipped} = points whose content hash the graph already had.
 */
record SyncReport(String collection, long jobId, String state, boolean resumed, long scanned, long total,
        long enqueued, long pending, long failedCount, List<JobInbox.Failure> failed, long durationMs, double throughput,
        int exitCode, String error) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    long synced() {
        return Math.max(0, enqueued - failedCount - pending);
    }

    long skipped() {
        return Math.max(0, scanned - enqueued);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("collection", collection);
        json.put("job_id", jobId);
        json.put("state", state);
        json.put("resumed", resumed);
        json.put("scanned", scanned);
        json.put("total", total);
        json.put("synced", synced());
        json.put("skipped", skipped());
        json.put("pending", pending);
        json.put("failed_count", failedCount);
        json.put("failed", failed.stream().map(f -> Map.of("vector_id", f.vectorId(), "error", f.error())).toList());
        json.put("duration_ms", durationMs);
        json.put("throughput_docs_per_second", Math.round(throughput * 10) / 10.0);
        json.put("exit_code", exitCode);
        json.put("error", error);
        return json;
    }

    void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "sync %s (job %d) %s: %d scanned, %d synced, %d skipped,"
                + " %d failed, %d pending in %.1f s (%.0f docs/s)%s", collection, jobId, state, scanned, synced(),
                skipped(), failedCount, pending, durationMs / 1000.0, throughput, error == null ? "" : ": " + error);
    }
}
