package io.nexussync.testing.nexus;

import java.util.List;

/**
 * One clause of a query: its normalised keyword ({@code MATCH}, {@code OPTIONAL MATCH}, {@code DELETE} for
 * {@code DETACH DELETE}, {@code ON} for {@code ON CREATE}/{@code ON MATCH}, {@code SCHEMA} for index and
 * constraint commands, ...) and the tokens up to the next clause.
 */
record Clause(String keyword, List<CypherText.Token> body) {

    Clause {
        body = List.copyOf(body);
    }
}
