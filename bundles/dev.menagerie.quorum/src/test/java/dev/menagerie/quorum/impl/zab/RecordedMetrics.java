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
        return count(name, null);
    }

    /** The same for the member {@code key} of a set; a set without it reads 0 (members appear when first used). */
    public long count(String name, String key) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> members = new HashMap<>();
        registry.read(new MetricVisitor() {
            @Override
            public void counter(String metric, String member, long value) {
                counts.put(metric, value);
                if (member != null) {
                    counts.put(member + "_" + metric, value);
                }
                members.put(metric + "[" + member + "]", value);
            }

            @Override
            public void gauge(String metric, String member, Number value) {
            }

            @Override
            public void summary(String metric, String member, SummarySnapshot snapshot) {
                counts.put(metric, snapshot.count());
                members.put(metric + "[" + member + "]", snapshot.count());
            }

            @Override
            public void emptySet(String metric, Kind kind) {
                counts.put(metric, 0L);
            }
        });
        if (key != null) {
            if (!counts.containsKey(name)) {
                throw new IllegalArgumentException("no metric " + name + " among " + counts.keySet());
            }
            return members.getOrDefault(name + "[" + key + "]", 0L);
        }
        Long count = counts.get(name);
        if (count == null) {
            throw new IllegalArgumentException("no metric " + name + " among " + counts.keySet());
        }
        return count;
    }
}
