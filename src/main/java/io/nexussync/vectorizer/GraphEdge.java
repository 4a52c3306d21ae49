package io.nexussync.vectorizer;

/** An edge of Vectorizer's own per-collection graph. */
public record GraphEdge(String source, String target, String relationshipType, double weight) {
}
