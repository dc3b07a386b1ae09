package dev.menagerie.metrics.prometheus.impl;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import java.util.Collections;
import java.util.List;

/** The families of another registry (the JVM exports), collected as one collector of this one. */
final class JvmCollectors extends Collector {

    private final CollectorRegistry source;

    JvmCollectors(CollectorRegistry source) {
        this.source = source;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return Collections.list(source.metricFamilySamples());
    }
}
