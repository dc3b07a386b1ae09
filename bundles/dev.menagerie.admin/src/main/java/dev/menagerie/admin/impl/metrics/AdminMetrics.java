package dev.menagerie.admin.impl.metrics;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

/**
 * The admin bundle's metrics, under Apache ZooKeeper 3.9.5's names and kinds ({@code ServerMetrics}): the admin
 * port's plain connections, the {@code snapshot} and {@code restore} commands, and the JVM pause monitor. Every
 * admin component that feeds one asks for all of them, so they are listed (at 0) from the bundle's start, as
 * Apache registers its metrics at start-up; the registry hands each component the same metrics.
 */
public final class AdminMetrics {

    /** Plain HTTP connections to a unified admin port. */
    public final Counter insecureConnections;
    /** {@code snapshot} commands that failed after passing their checks (no file, or an empty one). */
    public final Counter snapshotErrors;
    /** {@code snapshot} commands refused by the rate limit (429). */
    public final Counter snapshotRateLimited;
    /** {@code restore} commands whose snapshot the server did not load. */
    public final Counter restoreErrors;
    /** {@code restore} commands refused by the rate limit (429). */
    public final Counter restoreRateLimited;
    /** Milliseconds a successful {@code restore} took to load the snapshot and serve it. */
    public final Summary restoreTimeMs;
    /** Milliseconds each look of the pause monitor slept longer than asked. */
    public final Summary jvmPauseTimeMs;

    public AdminMetrics(MetricsRegistry registry) {
        insecureConnections = registry.counter("insecure_admin_count");
        snapshotErrors = registry.counter("snapshot_error_count");
        snapshotRateLimited = registry.counter("snapshot_rate_limited_count");
        restoreErrors = registry.counter("restore_error_count");
        restoreRateLimited = registry.counter("restore_rate_limited_count");
        restoreTimeMs = registry.summary("restore_time", Detail.BASIC);
        jvmPauseTimeMs = registry.summary("jvm_pause_time_ms", Detail.ADVANCED);
    }
}
