package io.nexussync.synctool;

import java.util.List;

import io.nexussync.store.StateStore;

/** What is left of a job's documents: events still in the inbox, and those dead-lettered, by the job's tag. */
final class JobInbox {

    /** A document the pipeline gave up on, with the reason it recorded. */
    record Failure(String vectorId, String error) {
    }

    private final StateStore store;

    JobInbox(StateStore store) {
        this.store = store;
    }

    long pending(String tenant, String tag) {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM inbox WHERE tenant = ? AND webhook_id = ?",
                Long.class, tenant, tag);
        return n == null ? 0 : n;
    }

    List<Failure> failures(String tenant, String tag) {
        return store.jdbc().query("SELECT vector_id, error FROM dead_letter WHERE tenant = ? AND webhook_id = ?"
                + " ORDER BY id", (rs, n) -> new Failure(rs.getString("vector_id"), rs.getString("error")), tenant, tag);
    }
}
