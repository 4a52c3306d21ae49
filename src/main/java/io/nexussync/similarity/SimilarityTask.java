package io.nexussync.similarity;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One document version ({@code seq}) whose neighbours are to be found: its vector (null when Vectorizer holds none) and limits; after the
 * search, the neighbours found, or {@code failed} when Vectorizer could not answer.
 */
public record SimilarityTask(String uid, String tenant, String collection, String vectorId, long seq, ArrayNode vector,
        SimilaritySettings.Limits limits, List<Neighbour> neighbours, boolean failed) {

    public SimilarityTask found(List<Neighbour> found) {
        return new SimilarityTask(uid, tenant, collection, vectorId, seq, vector, limits, found, false);
    }

    public SimilarityTask failedSearch() {
        return new SimilarityTask(uid, tenant, collection, vectorId, seq, vector, limits, List.of(), true);
    }
}
