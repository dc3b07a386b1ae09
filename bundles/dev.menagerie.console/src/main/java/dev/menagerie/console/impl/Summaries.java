package dev.menagerie.console.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reads chosen plain (unkeyed) summaries of the metrics registry in one pass. */
final class Summaries {

    private Summaries() {
    }

    /** The snapshots of the named summaries that exist, by name. */
    static Map<String, SummarySnapshot> read(MetricsRegistry registry, Set<String> names) {
        Map<String, SummarySnapshot> found = new HashMap<>();
        registry.read(new MetricVisitor() {
            @Override
            public void counter(String name, String key, long value) {
                // only summaries are asked for
            }

            @Override
            public void gauge(String name, String key, Number value) {
                // only summaries are asked for
            }

            @Override
            public void summary(String name, String key, SummarySnapshot snapshot) {
                if (key == null && names.contains(name)) {
                    found.put(name, snapshot);
                }
            }
        });
        return found;
    }
}
