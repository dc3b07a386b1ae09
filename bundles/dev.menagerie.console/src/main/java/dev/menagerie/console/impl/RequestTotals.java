package dev.menagerie.console.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.Set;

/**
 * The request count and latency sum of the server's {@code readlatency} and {@code updatelatency} summaries (in
 * milliseconds, Apache's unit), read at one moment; the sampler turns two readings into a rate and a mean.
 */
record RequestTotals(long count, long latencySumMs) {

    static final String READ_LATENCY = "readlatency";
    static final String UPDATE_LATENCY = "updatelatency";

    static RequestTotals read(MetricsRegistry registry) {
        long count = 0;
        long sumMs = 0;
        for (SummarySnapshot snapshot : Summaries.read(registry, Set.of(READ_LATENCY, UPDATE_LATENCY)).values()) {
            count += snapshot.count();
            sumMs += snapshot.sum();
        }
        return new RequestTotals(count, sumMs);
    }

    /**
     * The point for the interval from {@code earlier} to this reading. A reset ({@code srst}) between the two
     * readings shows as an interval without requests rather than as a negative rate.
     */
    Sample since(RequestTotals earlier, long intervalMs, long nowMs, int outstanding) {
        long requests = count - earlier.count;
        long latency = latencySumMs - earlier.latencySumMs;
        if (requests <= 0 || latency < 0 || intervalMs <= 0) {
            return new Sample(nowMs, 0, null, outstanding);
        }
        return new Sample(nowMs, requests * 1000.0 / intervalMs, (double) latency / requests, outstanding);
    }
}
