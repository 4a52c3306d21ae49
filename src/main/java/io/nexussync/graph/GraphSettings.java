package io.nexussync.graph;

import java.util.Set;

import io.nexussync.config.SettingsReader;

/** How payloads become node properties: which text fields are hashed instead of copied, and size limits. */
public record GraphSettings(Set<String> textFields, int maxStringLength, int maxPayloadProperties) {

    public static GraphSettings from(SettingsReader reader) {
        return new GraphSettings(
                Set.copyOf(reader.list("graph.text-fields", "content,text")),
                reader.integer("graph.max-string-length", 1024, 16, 10_000),
                reader.integer("graph.max-payload-properties", 64, 0, 500));
    }
}
