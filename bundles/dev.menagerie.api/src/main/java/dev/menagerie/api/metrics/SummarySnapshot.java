package dev.menagerie.api.metrics;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A summary's values as read at one moment.
 *
 * @param quantiles estimated values by quantile ({@code 0.5} the median), the ones its {@link
 *     MetricsRegistry.Detail} keeps; empty while {@code count} is zero
 */
public record SummarySnapshot(long count, long sum, long min, long max, MetricsRegistry.Detail detail,
        SortedMap<Double, Double> quantiles) {

    public SummarySnapshot {
        quantiles = Collections.unmodifiableSortedMap(new TreeMap<>(quantiles));
    }

    /** The mean, 0 before the first value. */
    public double average() {
        return count == 0 ? 0 : (double) sum / count;
    }
}
