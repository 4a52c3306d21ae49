package io.nexussync.testing.nexus;

import java.util.Map;

/** A POST /cypher body as the emulator received it: the query text and its parameters. */
public record ReceivedQuery(String query, Map<String, Object> parameters) {
}
