package dev.menagerie.api.metrics;

import java.util.Map;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's metrics, by name. Asking twice for the same name and kind returns the same metric, so two bundles
 * may share one; asking for a name already taken by another kind of metric throws
 * {@link IllegalArgumentException}. Names are lower case, digits and {@code _}, as Apache's are.
 *
 * <p>Metrics live as long as the registry; only gauges are withdrawn, by closing their {@link Registration}, since
 * they call back into the bundle that registered them.
 */
@ProviderType
public interface MetricsRegistry {

    /** A count that only goes up (until {@link #reset}). */
    Counter counter(String name);

    /** Counts kept per key, such as per top-level namespace. */
    CounterSet counterSet(String name);

    /** Values recorded one by one (latencies, sizes); {@code detail} says which quantiles are kept. */
    Summary summary(String name, Detail detail);

    /** Summaries kept per key. */
    SummarySet summarySet(String name, Detail detail);

    /**
     * A value read when the metrics are read, from any thread: it must be cheap and must not block. Registering a
     * name that is already a gauge replaces the old one (a restarted component registers again).
     */
    Registration gauge(String name, Supplier<? extends Number> value);

    /** Gauge values per key, read together. */
    Registration gaugeSet(String name, Supplier<? extends Map<String, ? extends Number>> values);

    /**
     * Hands every metric's current value to {@code visitor}, in name order (keys of a set in key order). Values
     * are read one metric at a time: two metrics may be read at slightly different moments.
     */
    void read(MetricVisitor visitor);

    /** Zeroes every counter and summary, as Apache's {@code srst}; gauges report what they measure. */
    void reset();

    /** How much a summary keeps. */
    enum Detail {
        /** Count, sum, minimum, maximum and the median. */
        BASIC,
        /** Also the 90th, 95th, 99th and 99.9th percentiles. */
        ADVANCED
    }
}
