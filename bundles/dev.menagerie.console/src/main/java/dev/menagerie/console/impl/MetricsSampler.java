package dev.menagerie.console.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the last {@link #CAPACITY} chart points, one per {@link #sample} call (the console calls it once a
 * second). The oldest point is dropped when a new one arrives on a full buffer, so memory stays bounded however
 * long the server runs. Until both a registry and a server are bound, nothing is recorded.
 */
final class MetricsSampler {

    /** Two minutes at one point a second. */
    static final int CAPACITY = 120;

    private final Supplier<MetricsRegistry> registry;
    private final Supplier<ServerStatus> status;
    private final LongSupplier clockMs;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>(CAPACITY);
    private RequestTotals last;
    private long lastMs;

    MetricsSampler(Supplier<MetricsRegistry> registry, Supplier<ServerStatus> status, LongSupplier clockMs) {
        this.registry = registry;
        this.status = status;
        this.clockMs = clockMs;
    }

    synchronized void sample() {
        MetricsRegistry metrics = registry.get();
        ServerStatus server = status.get();
        if (metrics == null || server == null) {
            last = null;
            return;
        }
        long nowMs = clockMs.getAsLong();
        RequestTotals totals = RequestTotals.read(metrics);
        if (last != null) {
            if (samples.size() == CAPACITY) {
                samples.removeFirst();
            }
            samples.addLast(totals.since(last, nowMs - lastMs, nowMs, server.summary().outstandingRequests()));
        }
        last = totals;
        lastMs = nowMs;
    }

    /** The points kept, oldest first. */
    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }
}
