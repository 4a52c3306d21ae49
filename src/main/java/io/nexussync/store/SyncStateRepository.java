package io.nexussync.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;

/** Reads and writes the per-document sync state that guards order and tracks which properties a node carries. */
public final class SyncStateRepository {

    private static final RowMapper<SyncState> STATE = (rs, n) -> new SyncState(rs.getString("doc_uid"),
            rs.getString("tenant"), rs.getString("collection"), rs.getString("vector_id"), rs.getLong("last_seq"),
            rs.getString("content_hash"), keys(rs.getString("property_keys")), rs.getBoolean("deleted"),
            rs.getLong("synced_at"));

    private final StateStore store;

    public SyncStateRepository(StateStore store) {
        this.store = store;
    }

    public Map<String, SyncState> load(Collection<String> uids) {
        Map<String, SyncState> states = new HashMap<>();
        for (List<String> slice : StateStore.slices(List.copyOf(uids))) {
            store.named().query("SELECT * FROM sync_state WHERE doc_uid IN (:uids)", Map.of("uids", slice), STATE)
                    .forEach(s -> states.put(s.uid(), s));
        }
        return states;
    }

    /** Writes states inside the caller's transaction: updates existing rows, inserts the rest. */
    public void save(List<SyncState> states) {
        if (states.isEmpty()) {
            return;
        }
        int[][] counts = store.jdbc().batchUpdate("UPDATE sync_state SET last_seq = ?, content_hash = ?,"
                + " property_keys = ?, deleted = ?, synced_at = ?, similarity_at = NULL WHERE doc_uid = ?", states, 500, (ps, s) -> {
                    ps.setLong(1, s.lastSeq());
                    ps.setString(2, s.contentHash());
                    ps.setString(3, join(s.propertyKeys()));
                    ps.setBoolean(4, s.deleted());
                    ps.setLong(5, s.syncedAt());
                    ps.setString(6, s.uid());
                });
        List<SyncState> missing = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    missing.add(states.get(i));
                }
                i++;
            }
        }
        store.jdbc().batchUpdate("INSERT INTO sync_state (doc_uid, tenant, collection, vector_id, last_seq,"
                + " content_hash, property_keys, deleted, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", missing, 500,
                (ps, s) -> {
                    ps.setString(1, s.uid());
                    ps.setString(2, s.tenant());
                    ps.setString(3, s.collection());
                    ps.setString(4, s.vectorId());
                    ps.setLong(5, s.lastSeq());
                    ps.setString(6, s.contentHash());
                    ps.setString(7, join(s.propertyKeys()));
                    ps.setBoolean(8, s.deleted());
                    ps.setLong(9, s.syncedAt());
                });
    }

    /** Records that the similarity edges of these documents were computed at {@code at}. */
    public void similarityComputed(Collection<String> uids, long at) {
        for (List<String> slice : StateStore.slices(List.copyOf(uids))) {
            store.named().update("UPDATE sync_state SET similarity_at = :at WHERE doc_uid IN (:uids)",
                    Map.of("at", at, "uids", slice));
        }
    }

    public long lastSeq(String uid) {
        List<Long> seqs = store.jdbc().queryForList("SELECT last_seq FROM sync_state WHERE doc_uid = ?", Long.class,
                uid);
        return seqs.isEmpty() ? 0 : seqs.get(0);
    }

    static Set<String> keys(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    static String join(Set<String> keys) {
        return keys == null || keys.isEmpty() ? null : String.join(",", keys);
    }
}
