package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import java.util.function.Supplier;

/** A value read when the metrics are read; one that reads null is left out, as Apache's provider does. */
record Gauge(Supplier<? extends Number> value) implements Metric {

    @Override
    public void read(String name, MetricVisitor visitor) {
        Number current = GaugeSampling.sample(name, value);
        if (current != null) {
            visitor.gauge(name, null, current);
        }
    }

    @Override
    public void reset() {
        // Reports what it measures.
    }

    @Override
    public String kind() {
        return "a gauge";
    }
}
