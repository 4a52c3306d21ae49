package io.nexussync.testing.nexus;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;

/** Renders Neo4j result values the way Nexus 2.5 serialises them (read_node_as_value_with_store). */
final class ValueRenderer {

    private ValueRenderer() {
    }

    static Object render(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Node node) {
            return properties(node);
        }
        if (value instanceof Relationship relationship) {
            Map<String, Object> rendered = properties(relationship);
            rendered.put("type", relationship.getType().name());
            return rendered;
        }
        if (value instanceof Path path) {
            List<Object> elements = new ArrayList<>();
            path.forEach(element -> elements.add(render(element)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            map.forEach((k, v) -> rendered.put(String.valueOf(k), render(v)));
            return rendered;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> rendered = new ArrayList<>();
            iterable.forEach(v -> rendered.add(render(v)));
            return rendered;
        }
        if (value.getClass().isArray()) {
            List<Object> rendered = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                rendered.add(render(Array.get(value, i)));
            }
            return rendered;
        }
        // temporal and spatial values have no Nexus equivalent; their ISO text is the closest shape
        return value.toString();
    }

    /** Nexus renders entities as a flat property map plus {@code _nexus_id}; nodes carry no labels. */
    @SuppressWarnings("removal")
    private static Map<String, Object> properties(Entity entity) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        entity.getAllProperties().forEach((k, v) -> rendered.put(k, render(v)));
        // Nexus ids are small integers; Neo4j's legacy numeric id is the closest equivalent
        rendered.put("_nexus_id", entity.getId());
        return rendered;
    }
}
