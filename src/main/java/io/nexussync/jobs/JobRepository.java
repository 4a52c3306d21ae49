package io.nexussync.jobs;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.nexussync.store.StateStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Reads and writes {@code sync_job}: a job's start, its progress after each committed page, and its outcome. */
public final class JobRepository {

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String COLUMNS = "id, tenant, collection, kind, started_by, state, page_cursor, scanned,"
            + " missing, stale, orphaned, repaired, errors, total, started_at, finished_at, error";
    private static final RowMapper<Job> JOB = (rs, n) -> new Job(rs.getLong("id"), rs.getString("tenant"),
            rs.getString("collection"), rs.getString("kind"), rs.getString("started_by"), rs.getString("state"),
            rs.getString("page_cursor"), new JobCounts(rs.getLong("scanned"), rs.getLong("missing"),
                    rs.getLong("stale"), rs.getLong("orphaned"), rs.getLong("repaired"), rs.getLong("errors")),
            rs.getObject("total", Long.class), rs.getLong("started_at"), rs.getObject("finished_at", Long.class),
            rs.getString("error"));

    private final StateStore store;
    private final Clock clock;
    private final String owner;

    public JobRepository(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.owner = ProcessHandle.current().pid() + "@" + hostName();
    }

    /** Records a new RUNNING job and returns its id. */
    public long start(String tenant, String collection, String kind, String startedBy) {
        long now = clock.millis();
        KeyHolder key = new GeneratedKeyHolder();
        store.jdbc().update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO sync_job (tenant, collection, kind,"
                    + " started_by, state, started_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, tenant);
            ps.setString(2, collection);
            ps.setString(3, kind);
            ps.setString(4, startedBy);
            ps.setString(5, Job.RUNNING);
            ps.setLong(6, now);
            ps.setString(7, owner);
            return ps;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Stores the cursor after a committed page with the job's running totals (absolute, not increments). */
    public void progress(long id, String cursor, JobCounts counts, Long total) {
        store.jdbc().update("UPDATE sync_job SET page_cursor = ?, scanned = ?, missing = ?, stale = ?, orphaned = ?,"
                + " repaired = ?, errors = ?, total = ? WHERE id = ?", cursor, counts.scanned(), counts.missing(),
                counts.stale(), counts.orphaned(), counts.repaired(), counts.errors(), total, id);
    }

    /** Takes an interrupted or failed job up again in this process: RUNNING, unfinished, counts and cursor kept. */
    public void resume(long id) {
        store.jdbc().update("UPDATE sync_job SET state = ?, finished_at = NULL, error = NULL, owner = ? WHERE id = ?",
                Job.RUNNING, owner, id);
    }

    /** Ends a job in {@code state} with its final totals; the cursor is kept so that an interrupted job can resume. */
    public void finish(long id, String state, JobCounts counts, String error) {
        store.jdbc().update("UPDATE sync_job SET state = ?, scanned = ?, missing = ?, stale = ?, orphaned = ?,"
                + " repaired = ?, errors = ?, finished_at = ?, error = ? WHERE id = ?", state, counts.scanned(),
                counts.missing(), counts.stale(), counts.orphaned(), counts.repaired(), counts.errors(),
                clock.millis(), truncate(error), id);
    }

    public Optional<Job> find(long id) {
        return store.jdbc().query("SELECT " + COLUMNS + " FROM sync_job WHERE id = ?", JOB, id).stream().findFirst();
    }

    /**
     * The latest job of this kind that did not succeed: still RUNNING (its process died), FAILED or INTERRUPTED.
     * Empty when the latest job succeeded, so a finished collection is never resumed from an old cursor.
     */
    public Optional<Job> latestUnfinished(String tenant, String collection, String kind) {
        return store.jdbc().query("SELECT " + COLUMNS + " FROM sync_job WHERE tenant = ? AND collection = ?"
                + " AND kind = ? ORDER BY id DESC LIMIT 1", JOB, tenant, collection, kind).stream()
                .filter(job -> !Job.SUCCEEDED.equals(job.state())).findFirst();
    }

    /** The tenant's most recent jobs, newest first. */
    public List<Job> recent(String tenant, int limit) {
        return store.jdbc().query("SELECT " + COLUMNS + " FROM sync_job WHERE tenant = ? ORDER BY id DESC LIMIT ?",
                JOB, tenant, limit);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
