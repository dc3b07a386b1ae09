package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;

/**
 * Requests whose client connection closed before the server got to them, under Apache's names. Apache checks at
 * its throttler (before prep) and at its final stage; a closeSession is never stale, as it must clean up after
 * its session. Menagerie does not answer a read whose connection has closed ({@code stale_requests_dropped}); a
 * write is still applied, as it changes the tree for every client ({@code stale_requests} when the connection
 * had closed before prep took it, {@code stale_replies} when it had closed by the time of the reply).
 */
public final class StaleRequests {

    public final Counter processed;
    public final Counter dropped;
    public final Counter replies;

    StaleRequests(MetricsRegistry registry) {
        processed = registry.counter("stale_requests");
        dropped = registry.counter("stale_requests_dropped");
        replies = registry.counter("stale_replies");
    }
}
