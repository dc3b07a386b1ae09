package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count, sum, minimum and maximum of the values recorded since the last reset, and their quantiles estimated from
 * a {@link LogHistogram}. Unlike Apache's summaries, which sample with an exponentially decaying reservoir, the
 * quantiles cover every value since the last reset ({@code srst}).
 */
final class ValueSummary implements Summary, Metric {

    private static final double[] BASIC_QUANTILES = {0.5};
    private static final double[] ADVANCED_QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999};

    private final Detail detail;
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);
    private final LogHistogram histogram = new LogHistogram();

    private final Recording recording;

    ValueSummary(Detail detail) {
        this(detail, Recording.ALWAYS);
    }

    ValueSummary(Detail detail, Recording recording) {
        this.detail = detail;
        this.recording = recording;
    }

    Detail detail() {
        return detail;
    }

    @Override
    public void record(long value) {
        if (!recording.on()) {
            return;
        }
        count.increment();
        sum.add(value);
        // Read first: once the extremes settle, a record writes nothing shared but the adders and one bucket.
        long lowest = min.get();
        while (value < lowest && !min.compareAndSet(lowest, value)) {
            lowest = min.get();
        }
        long highest = max.get();
        while (value > highest && !max.compareAndSet(highest, value)) {
            highest = max.get();
        }
        histogram.record(value);
    }

    @Override
    public void read(String name, MetricVisitor visitor) {
        visitor.summary(name, null, snapshot());
    }

    @Override
    public String kind() {
        return "a summary";
    }

    @Override
    public void reset() {
        count.reset();
        sum.reset();
        min.set(Long.MAX_VALUE);
        max.set(Long.MIN_VALUE);
        histogram.reset();
    }

    /** Minimum and maximum read 0 while nothing is recorded, as Apache's do. */
    SummarySnapshot snapshot() {
        long n = count.sum();
        long lowest = min.get();
        long highest = max.get();
        SortedMap<Double, Double> quantiles = new TreeMap<>();
        if (n > 0 && lowest <= highest) {
            double[] asked = detail == Detail.BASIC ? BASIC_QUANTILES : ADVANCED_QUANTILES;
            double[] estimates = histogram.quantiles(asked, lowest, highest);
            for (int i = 0; i < estimates.length; i++) {
                quantiles.put(asked[i], estimates[i]);
            }
        }
        return new SummarySnapshot(n, sum.sum(), n == 0 ? 0 : lowest, n == 0 ? 0 : highest, detail, quantiles);
    }
}
