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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's one {@link MetricsRegistry}: every metric in one map by name, so a name has one kind. Updates go
 * straight to the metric's own lock-free state; the map is only consulted when a bundle asks for a metric.
 */
@Component(service = MetricsRegistry.class)
public final class InMemoryRegistry implements MetricsRegistry {

    /**
     * Apache's provider whose metrics do nothing: naming it in zoo.cfg turns recording off, as in Apache (the
     * bundle's {@link ProviderSelection} follows zoo.cfg and tells this registry).
     */
    static final String NULL_PROVIDER = "org.apache.zookeeper.metrics.impl.NullMetricsProvider";
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Recording recording = new Recording();

    /**
     * Turns recording on or off. Off, counters and summaries ignore what they are given and {@link #read} visits
     * nothing, so {@code mntr} prints only the server's own figures, as Apache's does with its null provider.
     */
    void recordValues(boolean on) {
        if (recording.on() != on) {
            recording.set(on);
            LOG.info(on ? "Metrics are recorded" : "Metrics are not recorded: {} names Apache's null provider",
                    ProviderSelection.CLASS_NAME);
        }
    }

    @Override
    public Counter counter(String name) {
        return existingOrNew(name, AddingCounter.class, "a counter", () -> new AddingCounter(recording));
    }

    @Override
    public CounterSet counterSet(String name) {
        return existingOrNew(name, KeyedCounters.class, "a counter set", () -> new KeyedCounters(recording));
    }

    @Override
    public Summary summary(String name, Detail detail) {
        ValueSummary summary = existingOrNew(name, ValueSummary.class, "a summary", () -> new ValueSummary(detail, recording));
        requireDetail(name, summary.detail(), detail);
        return summary;
    }

    @Override
    public SummarySet summarySet(String name, Detail detail) {
        KeyedSummaries set = existingOrNew(name, KeyedSummaries.class, "a summary set",
                () -> new KeyedSummaries(detail, recording));
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
        if (!recording.on()) {
            return;
        }
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
