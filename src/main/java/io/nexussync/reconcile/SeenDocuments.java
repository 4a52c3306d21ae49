package io.nexussync.reconcile;

import java.util.Collection;
import java.util.List;

import io.nexussync.store.StateStore;

/**
 * The documents one reconciliation run has seen on each side ({@code reconcile_seen}), and the anti-joins that find
 * what one side lacks. Every read is a keyset page ({@code doc_uid > after ... LIMIT n}) on the primary keys, so a run
 * holds one page in memory whatever the collection's size, and no read keeps a transaction or cursor open while the
 * run enqueues repairs.
 */
public final class SeenDocuments {

    /** Present in Vectorizer (the scan saw it). */
    public static final String VECTORIZER = "V";
    /** A Document node in Nexus. */
    public static final String NEXUS = "N";

    private static final String INSERT = "INSERT INTO reconcile_seen (job_id, side, doc_uid) SELECT ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM reconcile_seen WHERE job_id = ? AND side = ? AND doc_uid = ?)";

    /** A document with an event waiting in the inbox is about to be written anyway; reconciliation leaves it be. */
    private static final String NOT_PENDING = " AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.doc_uid = s.doc_uid)";
    private static final String LIVE_STATE = "SELECT s.doc_uid FROM sync_state s WHERE s.tenant = ?"
            + " AND s.collection = ? AND s.deleted = FALSE AND s.synced_at < ? AND s.doc_uid > ?" + NOT_PENDING;

    private final StateStore store;

    public SeenDocuments(StateStore store) {
        this.store = store;
    }

    /** Records uids as seen on a side; a uid seen twice (a page boundary that moved) is kept once. */
    public void add(long jobId, String side, Collection<String> uids) {
        if (uids.isEmpty()) {
            return;
        }
        store.jdbc().batchUpdate(INSERT, List.copyOf(uids), 500, (ps, uid) -> {
            ps.setLong(1, jobId);
            ps.setString(2, side);
            ps.setString(3, uid);
            ps.setLong(4, jobId);
            ps.setString(5, side);
            ps.setString(6, uid);
        });
    }

    /**
     * Live documents of the sync state that the scan did not see in Vectorizer: candidates for deletion. Only rows
     * synced before {@code syncedBefore} (the run's start) count; a document applied during the run may be newer than
     * the scan's view of the collection.
     */
    public List<String> notInVectorizer(long jobId, String tenant, String collection, long syncedBefore, String after,
            int limit) {
        return store.jdbc().queryForList(LIVE_STATE + " AND NOT EXISTS (SELECT 1 FROM reconcile_seen r"
                + " WHERE r.job_id = ? AND r.side = 'V' AND r.doc_uid = s.doc_uid) ORDER BY s.doc_uid LIMIT ?",
                String.class, tenant, collection, syncedBefore, after, jobId, limit);
    }

    /** Live documents of the sync state that Vectorizer holds (the scan saw them) but Nexus has no node for. */
    public List<String> notInNexus(long jobId, String tenant, String collection, long syncedBefore, String after,
            int limit) {
        return store.jdbc().queryForList(LIVE_STATE + " AND EXISTS (SELECT 1 FROM reconcile_seen v"
                + " WHERE v.job_id = ? AND v.side = 'V' AND v.doc_uid = s.doc_uid) AND NOT EXISTS (SELECT 1"
                + " FROM reconcile_seen n WHERE n.job_id = ? AND n.side = 'N' AND n.doc_uid = s.doc_uid)"
                + " ORDER BY s.doc_uid LIMIT ?", String.class, tenant, collection, syncedBefore, after, jobId, jobId,
                limit);
    }

    /**
     * Live documents present on both sides whose similarity edges were never computed for their current version
     * ({@code similarity_at} NULL): a crash or an outage came between their batch and its similarity stage.
     */
    public List<String> similarityPending(long jobId, String tenant, String collection, long syncedBefore,
            String after, int limit) {
        return store.jdbc().queryForList(LIVE_STATE + " AND s.similarity_at IS NULL AND EXISTS (SELECT 1"
                + " FROM reconcile_seen v WHERE v.job_id = ? AND v.side = 'V' AND v.doc_uid = s.doc_uid)"
                + " AND EXISTS (SELECT 1 FROM reconcile_seen n WHERE n.job_id = ? AND n.side = 'N'"
                + " AND n.doc_uid = s.doc_uid) ORDER BY s.doc_uid LIMIT ?", String.class, tenant, collection,
                syncedBefore, after, jobId, jobId, limit);
    }

    /**
     * Document nodes Nexus holds that the scan did not see in Vectorizer and the sync state does not know as live.
     * Documents the pipeline wrote or deleted since {@code runStart} are left out: the run's view of them is stale.
     */
    public List<String> onlyInNexus(long jobId, long runStart, String after, int limit) {
        return store.jdbc().queryForList("SELECT n.doc_uid FROM reconcile_seen n WHERE n.job_id = ? AND n.side = 'N'"
                + " AND n.doc_uid > ? AND NOT EXISTS (SELECT 1 FROM reconcile_seen v WHERE v.job_id = ?"
                + " AND v.side = 'V' AND v.doc_uid = n.doc_uid) AND NOT EXISTS (SELECT 1 FROM sync_state s"
                + " WHERE s.doc_uid = n.doc_uid AND (s.deleted = FALSE OR s.synced_at >= ?))"
                + " AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.doc_uid = n.doc_uid) ORDER BY n.doc_uid LIMIT ?", String.class,
                jobId, after, jobId, runStart, limit);
    }

    /** Forgets what a run saw; called when it ends, whether it succeeded or not. */
    public void clear(long jobId) {
        store.jdbc().update("DELETE FROM reconcile_seen WHERE job_id = ?", jobId);
    }
}
