package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.Registration;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.metrics.SummarySet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * The runtime's one {@link MetricsRegistry}: every metric in one map by name, so a name has one kind. Updates go
 * straight to the metric's own lock-free state; the map is only consulted when a bundle asks for a metric.
 */
@Component(service = MetricsRegistry.class)
public final class InMemoryRegistry implements MetricsRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name) {
        return existingOrNew(name, AddingCounter.class, "a counter", AddingCounter::new);
    }

    @Override
    public CounterSet counterSet(String name) {
        return existingOrNew(name, KeyedCounters.class, "a counter set", KeyedCounters::new);
    }

    @Override
    public Summary summary(String name, Detail detail) {
        ValueSummary summary = existingOrNew(name, ValueSummary.class, "a summary", () -> new ValueSummary(detail));
        requireDetail(name, summary.detail(), detail);
        return summary;
    }

    @Override
    public SummarySet summarySet(String name, Detail detail) {
        KeyedSummaries set = existingOrNew(name, KeyedSummaries.class, "a summary set",
                () -> new KeyedSummaries(detail));
        requireDetail(name, set.detail(), detail);
        return set;
    }

    @Override
    public Registration gauge(String name, Supplier<? extends Number> value) {
        return register(name, new Gauge(value), Gauge.class, "a gauge");
    }

    @Override
    public Registration gaugeSet(String name, Supplier<? extends Map<String, ? extends Number>> values) {
        return register(name, new GaugeSet(values), GaugeSet.class, "a gauge set");
    }

    @Override
    public void read(MetricVisitor visitor) {
        new TreeMap<>(metrics).forEach((name, metric) -> metric.read(name, visitor));
    }

    @Override
    public void reset() {
        metrics.values().forEach(Metric::reset);
    }

    private <T extends Metric> T existingOrNew(String name, Class<T> kind, String kindName, Supplier<T> create) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            requireValidName(name);
            metric = metrics.computeIfAbsent(name, n -> create.get());
        }
        if (!kind.isInstance(metric)) {
            throw clash(name, kindName, metric);
        }
        return kind.cast(metric);
    }

    private Registration register(String name, Metric gauge, Class<?> kind, String kindName) {
        requireValidName(name);
        metrics.compute(name, (n, old) -> {
            if (old != null && !kind.isInstance(old)) {
                throw clash(name, kindName, old);
            }
            return gauge;
        });
        // Only this registration's gauge is withdrawn: a newer one under the same name stays.
        return () -> metrics.remove(name, gauge);
    }

    private static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name " + name + " is not lower case letters, digits and _");
        }
    }

    private static void requireDetail(String name, Detail existing, Detail asked) {
        if (existing != asked) {
            throw new IllegalArgumentException("metric " + name + " is a summary with detail " + existing
                    + ", asked for " + asked);
        }
    }

    private static IllegalArgumentException clash(String name, String asked, Metric existing) {
        return new IllegalArgumentException("metric " + name + " is already " + existing.kind() + ", asked for "
                + asked);
    }
}
