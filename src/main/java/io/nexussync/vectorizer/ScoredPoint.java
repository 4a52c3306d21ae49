package io.nexussync.vectorizer;

/** A search hit: a vector id and its similarity to the query (higher is more similar). */
public record ScoredPoint(String id, double score) {
}
