package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricVisitor;

/** One registered metric of any kind; each kind reads and resets itself. */
sealed interface Metric permits AddingCounter, KeyedCounters, ValueSummary, KeyedSummaries, Gauge, GaugeSet {

    /** Hands the current value (or values, in key order) to {@code visitor}. */
    void read(String name, MetricVisitor visitor);

    /** Zeroes what {@code srst} zeroes; gauges report what they measure and ignore it. */
    void reset();

    /** "a counter", "a summary", ... for error messages. */
    String kind();
}
