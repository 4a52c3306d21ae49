package io.nexussync.graph;

import java.util.Map;

/** One parameterised statement for {@code POST /cypher}; {@code name} identifies its shape in logs and tests. */
public record CypherStatement(String name, String query, Map<String, Object> parameters) {
}
