package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

/**
 * Apache's dead-watcher cleaner metrics, fed by the removal that does its job here: Apache queues a closed
 * connection's watcher in each watch table that tracks it and clears the queue in batches on a cleaner thread;
 * Menagerie removes the connection's watches from both tables at once when it closes. So each table the connection
 * had watches in is one watcher queued and cleared, the removal's time is the cleaner's latency, and nothing ever
 * waits for a full queue ({@code add_dead_watcher_stall_time} stays 0).
 */
public final class DeadWatchers {

    private final Counter queued;
    private final Counter cleared;
    private final Summary cleanerLatencyMs;

    DeadWatchers(MetricsRegistry registry) {
        registry.counter("add_dead_watcher_stall_time");
        queued = registry.counter("dead_watchers_queued");
        cleared = registry.counter("dead_watchers_cleared");
        cleanerLatencyMs = registry.summary("dead_watchers_cleaner_latency", Detail.ADVANCED);
    }

    /** A closed connection's watches were removed from {@code tables} watch tables in {@code elapsedMs}. */
    public void removed(int tables, long elapsedMs) {
        if (tables == 0) {
            return;
        }
        queued.add(tables);
        cleared.add(tables);
        cleanerLatencyMs.record(elapsedMs);
    }
}
