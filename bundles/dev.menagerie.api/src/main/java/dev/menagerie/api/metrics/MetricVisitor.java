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

    /**
     * A set with no key yet: nothing to report but the family itself, which Apache's Prometheus provider lists with
     * its type and no samples. Called once per such set, in its place in name order; the default ignores it, as
     * {@code mntr} prints nothing for it.
     *
     * @since 1.1
     */
    default void emptySet(String name, Kind kind) {
    }

    /** What the members of a set are. */
    enum Kind {
        COUNTER,
        GAUGE,
        SUMMARY
    }
}
