package io.nexussync.bench;

import java.util.Arrays;

/** Percentiles of a set of samples (nearest-rank). */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    double at(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    int count() {
        return sorted.length;
    }

    static double median(double... values) {
        return new Percentiles(values).at(50);
    }
}
