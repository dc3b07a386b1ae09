package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives metric values from {@link MetricsRegistry#read}. For a plain metric {@code key} is {@code null}; for a
 * set the visitor is called once per key.
 */
@ConsumerType
public interface MetricVisitor {

    void counter(String name, String key, long value);

    void gauge(String name, String key, Number value);

    void summary(String name, String key, SummarySnapshot snapshot);
}
