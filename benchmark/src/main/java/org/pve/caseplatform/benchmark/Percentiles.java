package org.pve.caseplatform.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of samples by the nearest-rank method: the smallest sample with at least q% at or below. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles of(Collection<? extends Number> samples) {
        return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static Percentiles of(double[] samples) {
        if (samples.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of sorted samples: the value at rank ceil(q / 100 * n). */
    static double rank(double[] sorted, double q) {
        if (q <= 0 || q > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + q);
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
