package io.nexussync.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nexussync.store.StateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/** The durable inbox: accepted per-document events wait here until they are applied to Nexus or dead-lettered. */
public final class InboxRepository {

    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    private static final int MAX_ERROR_LENGTH = 2000;

    private static final String INSERT = "INSERT INTO inbox (seq, tenant, collection, vector_id, doc_uid, operation,"
            + " event_type, event, source, webhook_id, received_at, state, attempts, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)";
    private static final String COLUMNS = "id, seq, tenant, collection, vector_id, doc_uid, operation, event_type,"
            + " event, source, webhook_id, received_at, attempts";
    private static final RowMapper<InboxEvent> EVENT = (rs, n) -> {
        long id = rs.getLong("id");
        long seq = rs.getLong("seq");
        return new InboxEvent(id, rs.wasNull() ? id : seq, rs.getString("tenant"), rs.getString("collection"),
                rs.getString("vector_id"), rs.getString("doc_uid"), Operation.valueOf(rs.getString("operation")),
                rs.getString("event_type"), rs.getString("event"), rs.getString("source"),
                rs.getString("webhook_id"), rs.getLong("received_at"), rs.getInt("attempts"));
    };

    private final StateStore store;

    public InboxRepository(StateStore store) {
        this.store = store;
    }

    /**
     * Stores a delivery's entries and its webhook id in one transaction. Returns false, storing nothing, when the
     * webhook id was already accepted.
     */
    public boolean accept(String tenant, String webhookId, List<InboxEntry> entries, String source, long now) {
        try {
            return Boolean.TRUE.equals(store.tx().execute(status -> {
                store.jdbc().update("INSERT INTO webhook_delivery (tenant, webhook_id, events, received_at)"
                        + " VALUES (?, ?, ?, ?)", tenant, webhookId, entries.size(), now);
                insert(entries, null, source, webhookId, now);
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Inserts entries without a delivery id (replays, internal sources); {@code seq} keeps an original order. */
    public void insert(List<InboxEntry> entries, Long seq, String source, String webhookId, long now) {
        store.jdbc().batchUpdate(INSERT, entries, 500, (ps, e) -> {
            ps.setObject(1, seq);
            ps.setString(2, e.tenant());
            ps.setString(3, e.collection());
            ps.setString(4, e.vectorId());
            ps.setString(5, e.uid());
            ps.setString(6, e.operation().name());
            ps.setString(7, e.eventType());
            ps.setString(8, e.eventJson());
            ps.setString(9, source);
            ps.setString(10, webhookId);
            ps.setLong(11, now);
            ps.setInt(12, 0);
            ps.setLong(13, now);
        });
    }

    /**
     * Claims due events for at most {@code maxDocuments} documents not in {@code busy}, together with every other
     * pending event of those documents, so a document is never in two batches at once and its latest event wins.
     */
    public List<InboxEvent> claim(int maxDocuments, long now, Set<String> busy) {
        List<Map<String, Object>> due = store.jdbc().queryForList("SELECT id, doc_uid FROM inbox WHERE state = ?"
                + " AND next_attempt_at <= ? ORDER BY id LIMIT ?", PENDING, now, maxDocuments * 2);
        Set<String> uids = new LinkedHashSet<>();
        for (Map<String, Object> row : due) {
            String uid = (String) row.get("doc_uid");
            if (!busy.contains(uid) && uids.size() < maxDocuments) {
                uids.add(uid);
            }
        }
        if (uids.isEmpty()) {
            return List.of();
        }
        return store.tx().execute(status -> {
            List<InboxEvent> events = new ArrayList<>();
            for (List<String> slice : StateStore.slices(new ArrayList<>(uids))) {
                events.addAll(store.named().query("SELECT " + COLUMNS + " FROM inbox WHERE state = :state"
                        + " AND doc_uid IN (:uids) ORDER BY id", Map.of("state", PENDING, "uids", slice), EVENT));
            }
            updateState(events.stream().map(InboxEvent::id).toList(), CLAIMED);
            return events;
        });
    }

    public void delete(Collection<Long> ids) {
        for (List<Long> slice : StateStore.slices(List.copyOf(ids))) {
            store.named().update("DELETE FROM inbox WHERE id IN (:ids)", Map.of("ids", slice));
        }
    }

    /** Puts claimed events back without counting an attempt: the failure was not theirs (Nexus unavailable). */
    public void release(Collection<Long> ids, long nextAttemptAt, String error) {
        for (List<Long> slice : StateStore.slices(List.copyOf(ids))) {
            store.named().update("UPDATE inbox SET state = 'PENDING', next_attempt_at = :next, last_error = :error"
                    + " WHERE id IN (:ids)", Map.of("next", nextAttemptAt, "error", truncate(error), "ids", slice));
        }
    }

    /** Puts one claimed event back after a failure that counts as an attempt. */
    public void retry(long id, int attempts, long nextAttemptAt, String error) {
        store.jdbc().update("UPDATE inbox SET state = 'PENDING', attempts = ?, next_attempt_at = ?, last_error = ?"
                + " WHERE id = ?", attempts, nextAttemptAt, truncate(error), id);
    }

    /** After a crash or restart nothing is in flight: every claim goes back to pending. */
    public int releaseAllClaims() {
        return store.jdbc().update("UPDATE inbox SET state = 'PENDING' WHERE state = 'CLAIMED'");
    }

    public long count() {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        return n == null ? 0 : n;
    }

    /** Receipt time of the oldest event still waiting, or null when the inbox is empty. */
    public Long oldestReceivedAt() {
        return store.jdbc().queryForObject("SELECT MIN(received_at) FROM inbox", Long.class);
    }

    public int purgeDeliveriesBefore(long receivedBefore) {
        return store.jdbc().update("DELETE FROM webhook_delivery WHERE received_at < ?", receivedBefore);
    }

    private void updateState(List<Long> ids, String state) {
        for (List<Long> slice : StateStore.slices(ids)) {
            store.named().update("UPDATE inbox SET state = :state WHERE id IN (:ids)",
                    Map.of("state", state, "ids", slice));
        }
    }

    static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
