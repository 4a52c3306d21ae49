package io.nexussync.testing.vectorizer;

import java.util.Locale;

/** Distance metrics, named as the server's Debug formatting prints them, scored "higher is better" like HNSW. */
enum Metric {
    Cosine, Euclidean, DotProduct;

    /** The request spelling ({@code cosine|euclidean|dot}); anything else falls back to cosine. */
    static Metric parse(String name) {
        switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "euclidean": return Euclidean;
            case "dot": case "dotproduct": return DotProduct;
            default: return Cosine;
        }
    }

    double score(float[] query, float[] stored) {
        double dot = 0;
        double queryNorm = 0;
        double storedNorm = 0;
        double squaredDistance = 0;
        for (int i = 0; i < query.length; i++) {
            dot += query[i] * stored[i];
            queryNorm += query[i] * query[i];
            storedNorm += stored[i] * stored[i];
            double d = query[i] - stored[i];
            squaredDistance += d * d;
        }
        switch (this) {
            case Euclidean: return 1 / (1 + Math.sqrt(squaredDistance));
            case DotProduct: return 1 / (1 + Math.exp(-dot));
            default:
                // 1 - cosine distance; a zero vector is similar to nothing
                return queryNorm == 0 || storedNorm == 0 ? 0 : dot / Math.sqrt(queryNorm * storedNorm);
        }
    }

    /** Cosine collections keep unit vectors, as the real server does on insert and update. */
    float[] stored(float[] vector) {
        return this == Cosine ? TextEmbedder.normalized(vector) : vector.clone();
    }
}
