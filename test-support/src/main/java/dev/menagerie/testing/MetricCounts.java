package dev.menagerie.testing;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a registry back by Apache's metric names: a counter's or a gauge's value, a summary's count of values and
 * its largest one. Metrics of a set (keyed) are left out.
 */
public final class MetricCounts implements MetricVisitor {

    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, SummarySnapshot> summaries = new HashMap<>();

    private MetricCounts() {
    }

    /** A counter's or gauge's value, or how many values a summary holds; fails naming the metrics if absent. */
    public static long count(MetricsRegistry registry, String name) {
        MetricCounts read = read(registry);
        if (read.summaries.containsKey(name)) {
            return read.summaries.get(name).count();
        }
        Long value = read.values.get(name);
        if (value == null) {
            throw new AssertionError("no metric " + name + " among " + read.values.keySet() + " and "
                    + read.summaries.keySet());
        }
        return value;
    }

    /** A summary's largest value, or 0 before the first. */
    public static long max(MetricsRegistry registry, String name) {
        SummarySnapshot snapshot = read(registry).summaries.get(name);
        if (snapshot == null) {
            throw new AssertionError("no summary " + name);
        }
        return snapshot.count() == 0 ? 0 : snapshot.max();
    }

    private static MetricCounts read(MetricsRegistry registry) {
        MetricCounts read = new MetricCounts();
        registry.read(read);
        return read;
    }

    @Override
    public void counter(String name, String key, long value) {
        if (key == null) {
            values.put(name, value);
        }
    }

    @Override
    public void gauge(String name, String key, Number value) {
        if (key == null) {
            values.put(name, value.longValue());
        }
    }

    @Override
    public void summary(String name, String key, SummarySnapshot snapshot) {
        if (key == null) {
            summaries.put(name, snapshot);
        }
    }
}
