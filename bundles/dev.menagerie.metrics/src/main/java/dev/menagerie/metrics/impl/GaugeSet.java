package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Gauge values per key, read together; a null key is left out and a null value reads 0, as in Apache. */
record GaugeSet(Supplier<? extends Map<String, ? extends Number>> values) implements Metric {

    @Override
    public void read(String name, MetricVisitor visitor) {
        Map<String, ? extends Number> current = GaugeSampling.sample(name, values);
        if (current == null) {
            return;
        }
        Map<String, Number> sorted = new TreeMap<>();
        current.forEach((key, value) -> {
            if (key != null) {
                sorted.put(key, value == null ? 0 : value);
            }
        });
        if (sorted.isEmpty()) {
            visitor.emptySet(name, MetricVisitor.Kind.GAUGE);
        }
        sorted.forEach((key, value) -> visitor.gauge(name, key, value));
    }

    @Override
    public void reset() {
        // Reports what it measures.
    }

    @Override
    public String kind() {
        return "a gauge set";
    }
}
