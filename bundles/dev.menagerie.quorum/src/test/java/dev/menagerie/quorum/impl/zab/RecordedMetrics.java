package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import dev.menagerie.testing.Components;
import java.util.HashMap;
import java.util.Map;

/** A peer's {@link ZabMetrics} in a registry of its own, read back by name: counters' values, summaries' counts. */
public final class RecordedMetrics {

    private final MetricsRegistry registry = Components.create(MetricsRegistry.class).service();
    private final ZabMetrics metrics = new ZabMetrics(registry);

    public MetricsRegistry registry() {
        return registry;
    }

    public ZabMetrics metrics() {
        return metrics;
    }

    /**
     * A counter's value, or a summary's count of values, by Apache's name (a member of a set as mntr names it,
     * {@code <key>_<name>}).
     */
    public long count(String name) {
        Map<String, Long> counts = new HashMap<>();
        registry.read(new MetricVisitor() {
            @Override
            public void counter(String metric, String key, long value) {
                counts.put(key == null ? metric : key + "_" + metric, value);
            }

            @Override
            public void gauge(String metric, String key, Number value) {
            }

            @Override
            public void summary(String metric, String key, SummarySnapshot snapshot) {
                counts.put(metric, snapshot.count());
            }
        });
        Long count = counts.get(name);
        if (count == null) {
            throw new IllegalArgumentException("no metric " + name + " among " + counts.keySet());
        }
        return count;
    }
}
