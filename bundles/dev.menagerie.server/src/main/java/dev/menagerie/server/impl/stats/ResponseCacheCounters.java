package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;

/**
 * Replies whose body came from the response cache (hits) or was encoded and cached (misses), under Apache's names:
 * getData replies, and getChildren2 replies ({@code get_children}; a plain getChildren is never cached).
 */
public final class ResponseCacheCounters {

    public final Counter dataHits;
    public final Counter dataMisses;
    public final Counter childrenHits;
    public final Counter childrenMisses;

    ResponseCacheCounters(MetricsRegistry registry) {
        dataHits = registry.counter("response_packet_cache_hits");
        dataMisses = registry.counter("response_packet_cache_misses");
        childrenHits = registry.counter("response_packet_get_children_cache_hits");
        childrenMisses = registry.counter("response_packet_get_children_cache_misses");
    }
}
