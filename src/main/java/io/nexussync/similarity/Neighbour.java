package io.nexussync.similarity;

/**
 * A related vector of the same collection. {@code relationship} is SIMILAR_TO for computed neighbours; copied
 * Vectorizer edges keep their type, and {@code outgoing} says whether the document is the edge's source.
 */
public record Neighbour(String vectorId, double score, String relationship, boolean outgoing) {
}
