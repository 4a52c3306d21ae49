package io.nexussync.inbox;

/** What a change does to its document in the graph. */
public enum Operation {
    UPSERT,
    DELETE
}
