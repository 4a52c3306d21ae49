package io.nexussync.testing.nexus;

/** How the emulator answered one POST /cypher request. */
public enum Outcome {
    /** HTTP 200 without an error field. */
    OK,
    /** HTTP 200 with an error field, from the dialect checker or from Neo4j. */
    ERROR,
    /** A middleware status: 400, 401, 405, 413, 415 or 422. */
    REJECTED,
    /** An injected fault: overload, error or connection reset. */
    FAULTED
}
