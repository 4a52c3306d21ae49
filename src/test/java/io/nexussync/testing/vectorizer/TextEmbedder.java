package io.nexussync.testing.vectorizer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stand-in for the server's BM25 provider: a bag of lowercase words hashed into {@code dimension} buckets,
 * L2-normalised, so texts sharing words score as similar and the same text always gets the same vector.
 */
final class TextEmbedder {

    /** The dimension of the server's default (BM25) provider, used for every text it embeds. */
    static final int DEFAULT_DIMENSION = 512;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextEmbedder() {
    }

    static float[] embed(String text, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        float[] vector = new float[dimension];
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                vector[Integer.remainderUnsigned(fnv1a(word), dimension)] += 1;
            }
        }
        return normalized(vector);
    }

    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] result = vector.clone();
        if (sum > 0) {
            float norm = (float) Math.sqrt(sum);
            for (int i = 0; i < result.length; i++) {
                result[i] /= norm;
            }
        }
        return result;
    }

    /** FNV-1a over UTF-8: a fixed, documented hash, so tests can rely on the same buckets in every run. */
    private static int fnv1a(String word) {
        int hash = 0x811c9dc5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
