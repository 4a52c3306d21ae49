package io.nexussync.deadletter;

import java.util.List;
import java.util.Optional;

import io.nexussync.inbox.InboxEvent;
import io.nexussync.pipeline.DocumentChange;
import io.nexussync.store.StateStore;
import org.springframework.jdbc.core.RowMapper;

/** The dead-letter table: failed events with their error, listable and replayable per tenant. */
public final class DeadLetterRepository {

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String INSERT = "INSERT INTO dead_letter (seq, tenant, collection, vector_id, doc_uid,"
            + " operation, event_type, event, source, webhook_id, received_at, attempts, error, error_type, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final RowMapper<DeadLetter> ROW = (rs, n) -> new DeadLetter(rs.getLong("id"), rs.getLong("seq"),
            rs.getString("tenant"), rs.getString("collection"), rs.getString("vector_id"), rs.getString("doc_uid"),
            rs.getString("operation"), rs.getString("event_type"), rs.getString("event"), rs.getString("source"),
            rs.getString("webhook_id"), rs.getLong("received_at"), rs.getInt("attempts"), rs.getString("error"),
            rs.getString("error_type"), rs.getLong("failed_at"));

    private final StateStore store;

    public DeadLetterRepository(StateStore store) {
        this.store = store;
    }

    public void insert(DocumentChange c, int attempts, String error, String errorType, long now) {
        store.jdbc().update(INSERT, c.seq(), c.tenant(), c.collection(), c.vectorId(), c.uid(), c.operation().name(),
                c.eventType(), c.event().toString(), c.source(), c.webhookId(), c.receivedAt(), attempts,
                truncate(error), errorType, now);
    }

    public void insert(InboxEvent e, String error, String errorType, long now) {
        store.jdbc().update(INSERT, e.seq(), e.tenant(), e.collection(), e.vectorId(), e.uid(), e.operation().name(),
                e.eventType(), e.eventJson(), e.source(), e.webhookId(), e.receivedAt(), e.attempts(),
                truncate(error), errorType, now);
    }

    public List<DeadLetter> list(String tenant, int limit, long afterId) {
        return store.jdbc().query("SELECT * FROM dead_letter WHERE tenant = ? AND id > ? ORDER BY id LIMIT ?", ROW,
                tenant, afterId, limit);
    }

    public Optional<DeadLetter> find(String tenant, long id) {
        return store.jdbc().query("SELECT * FROM dead_letter WHERE tenant = ? AND id = ?", ROW, tenant, id).stream()
                .findFirst();
    }

    public long count(String tenant) {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM dead_letter WHERE tenant = ?", Long.class, tenant);
        return n == null ? 0 : n;
    }

    public long countAll() {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM dead_letter", Long.class);
        return n == null ? 0 : n;
    }

    public boolean delete(String tenant, long id) {
        return store.jdbc().update("DELETE FROM dead_letter WHERE tenant = ? AND id = ?", tenant, id) == 1;
    }

    private static String truncate(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH);
    }
}
