package dev.menagerie.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Exposes the registry to a monitoring system, as Apache ZooKeeper's metrics providers do. A provider registers
 * itself as a service with the {@link #NAMES} property: the names an operator may give as
 * {@code metricsProvider.className} in zoo.cfg (a short name, and Apache's class name where it stands in for one).
 * The runtime starts the one named, with the {@code metricsProvider.*} settings, and stops it when the provider or
 * the configuration goes away.
 */
@ConsumerType
public interface MetricsProvider {

    /** Service property: {@code String} or {@code String[]}, the names this provider answers to. */
    String NAMES = "menagerie.metrics.provider";

    /**
     * Starts exposing {@code registry}.
     *
     * @param settings the {@code metricsProvider.*} keys of zoo.cfg without that prefix ({@code httpPort}, ...),
     *     {@code className} excluded
     * @throws IllegalArgumentException naming the key, when a setting is unknown or invalid
     * @throws Exception when the provider cannot start (its port is taken, ...)
     */
    void start(Map<String, String> settings, MetricsRegistry registry) throws Exception;

    /** Stops exposing; the provider may be started again. */
    void stop();
}
