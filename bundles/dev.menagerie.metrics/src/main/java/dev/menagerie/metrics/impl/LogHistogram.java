package dev.menagerie.metrics.impl;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of values in logarithmic buckets: fixed memory (960 counters) whatever is recorded, lock-free updates.
 * Values below {@value #EXACT_BELOW} have a bucket each; above, every power of two is cut into
 * {@value #SUB_BUCKETS} equal buckets, so a bucket is at most 1/16 of its lower bound wide and a quantile
 * estimated at a bucket's middle is within {@value #RELATIVE_ERROR} of a recorded value of that rank. Negative
 * values count as 0.
 */
final class LogHistogram {

    /** The largest relative distance between an estimate and the value of the rank asked for. */
    static final double RELATIVE_ERROR = 1.0 / 32;

    private static final int SUB_BUCKET_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int EXACT_BELOW = SUB_BUCKETS;
    /** Exponents 4 to 62 (the highest one bit of a positive long), 16 buckets each, after the exact ones. */
    private static final int BUCKETS = EXACT_BELOW + (Long.SIZE - 1 - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long value) {
        counts.incrementAndGet(index(Math.max(0, value)));
    }

    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }

    /**
     * Estimates, for each of {@code quantiles} (ascending, each in [0, 1]), the value below or at which that share
     * of the recorded values lies, clamped to [{@code min}, {@code max}]; an empty histogram gives an empty array.
     */
    double[] quantiles(double[] quantiles, long min, long max) {
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        if (total == 0) {
            return new double[0];
        }
        double[] estimates = new double[quantiles.length];
        int bucket = 0;
        long seen = copy[0];
        for (int q = 0; q < quantiles.length; q++) {
            long rank = Math.max(1, (long) Math.ceil(quantiles[q] * total));
            while (seen < rank && bucket < BUCKETS - 1) {
                bucket++;
                seen += copy[bucket];
            }
            estimates[q] = Math.min(max, Math.max(min, middle(bucket)));
        }
        return estimates;
    }

    static int index(long value) {
        if (value < EXACT_BELOW) {
            return (int) value;
        }
        int exponent = Long.SIZE - 1 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        int sub = (int) (value >>> shift) & (SUB_BUCKETS - 1);
        return EXACT_BELOW + shift * SUB_BUCKETS + sub;
    }

    /** The middle of a bucket's range (the value itself for the exact buckets). */
    static double middle(int index) {
        if (index < EXACT_BELOW) {
            return index;
        }
        int shift = (index - EXACT_BELOW) / SUB_BUCKETS;
        int sub = (index - EXACT_BELOW) % SUB_BUCKETS;
        double lower = (double) (SUB_BUCKETS + sub) * (1L << shift);
        double width = 1L << shift;
        return lower + (width - 1) / 2;
    }
}
