package dev.menagerie.server.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.GetChildren2Response;
import dev.menagerie.protocol.proto.GetChildrenResponse;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.server.impl.op.GetChildren;
import dev.menagerie.server.impl.op.GetChildren2;
import dev.menagerie.server.impl.op.GetData;
import dev.menagerie.server.impl.stats.ServerMetrics;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.MetricCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response cache: bodies reused only for an unchanged stat, least recently used first out, Apache's bound. */
class ResponseCacheTest {

    private final MetricsRegistry registry = Components.create(MetricsRegistry.class).service();
    private final ServerMetrics metrics = new ServerMetrics(registry);

    private static Stat stat(long mzxid, int version) {
        return new Stat(1, mzxid, 0, 0, version, 0, 0, 0, 3, 0, 1);
    }

    @Test
    void aBodyIsReturnedOnlyForTheStatItWasCachedWith() {
        ResponseCache cache = new ResponseCache(10);
        byte[] body = {1, 2, 3};
        cache.put("/a", stat(5, 1), body);

        assertSame(body, cache.get("/a", stat(5, 1)));
        assertNull(cache.get("/b", stat(5, 1)), "another path");
        assertNull(cache.get("/a", stat(6, 2)), "the node changed");
        assertNull(cache.get("/a", stat(5, 1)), "a changed node's entry is forgotten, as in Apache");
        assertEquals(0, cache.entryCount());
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstAndAtMostSizeMinusOneAreKept() {
        ResponseCache cache = new ResponseCache(3);
        cache.put("/a", stat(1, 0), new byte[] {1});
        cache.put("/b", stat(1, 0), new byte[] {2});
        cache.get("/a", stat(1, 0));
        cache.put("/c", stat(1, 0), new byte[] {3});

        assertEquals(2, cache.entryCount());
        assertNull(cache.get("/b", stat(1, 0)), "the least recently used entry was evicted");
        assertArrayEquals(new byte[] {1}, cache.get("/a", stat(1, 0)));
        assertArrayEquals(new byte[] {3}, cache.get("/c", stat(1, 0)));
    }

    @Test
    void sizesOfOneOrLessCacheNothing() {
        ResponseCache one = new ResponseCache(1);
        one.put("/a", stat(1, 0), new byte[] {1});
        assertNull(one.get("/a", stat(1, 0)), "Apache's map drops the entry it was just given");
        assertFalse(new ResponseCache(0).enabled());
        assertFalse(new ResponseCache(-1).enabled());
    }

    @Test
    void getDataRepliesCountAMissThenHitsWithTheSameEncoding() {
        ResponseCaches caches = new ResponseCaches(ResponseCacheSizes.DEFAULT, metrics.responseCache);
        GetDataResponse reply = new GetDataResponse(new byte[] {7, 8, 9}, stat(5, 1));
        GetData read = new GetData("/a", false);

        SerializedBody first = assertInstanceOf(SerializedBody.class, caches.body(read, reply));
        SerializedBody second = assertInstanceOf(SerializedBody.class, caches.body(read, reply));

        assertArrayEquals(encoded(reply), first.bytes());
        assertSame(first.bytes(), second.bytes());
        assertEquals(1, MetricCounts.count(registry, "response_packet_cache_misses"));
        assertEquals(1, MetricCounts.count(registry, "response_packet_cache_hits"));

        GetDataResponse changed = new GetDataResponse(new byte[] {1, 1, 1}, stat(6, 2));
        SerializedBody third = assertInstanceOf(SerializedBody.class, caches.body(read, changed));
        assertArrayEquals(encoded(changed), third.bytes(), "the new data, not the cached");
        assertEquals(2, MetricCounts.count(registry, "response_packet_cache_misses"));
        assertEquals(0, MetricCounts.count(registry, "response_packet_get_children_cache_misses"));
    }

    @Test
    void getChildren2IsCachedAndPlainGetChildrenIsNot() {
        ResponseCaches caches = new ResponseCaches(ResponseCacheSizes.DEFAULT, metrics.responseCache);
        GetChildren2Response withStat = new GetChildren2Response(List.of("x", "y"), stat(3, 0));
        caches.body(new GetChildren2("/p", false), withStat);
        SerializedBody hit = assertInstanceOf(SerializedBody.class,
                caches.body(new GetChildren2("/p", true), withStat));
        assertArrayEquals(encoded(withStat), hit.bytes());

        GetChildrenResponse plain = new GetChildrenResponse(List.of("x", "y"));
        assertSame(plain, caches.body(new GetChildren("/p", false), plain));

        assertEquals(1, MetricCounts.count(registry, "response_packet_get_children_cache_misses"));
        assertEquals(1, MetricCounts.count(registry, "response_packet_get_children_cache_hits"));
        assertEquals(0, MetricCounts.count(registry, "response_packet_cache_hits"));
    }

    @Test
    void quotaUsageNodesAndTurnedOffCachesAreNeverCached() {
        GetDataResponse reply = new GetDataResponse(new byte[] {1}, stat(1, 0));
        ResponseCaches on = new ResponseCaches(ResponseCacheSizes.DEFAULT, metrics.responseCache);
        assertSame(reply, on.body(new GetData("/zookeeper/quota/a/zookeeper_stats", false), reply));
        ResponseCaches off = new ResponseCaches(new ResponseCacheSizes(0, 0), metrics.responseCache);
        assertSame(reply, off.body(new GetData("/a", false), reply));
        assertSame(reply, off.body(new GetData("/a", false), reply));

        assertEquals(0, MetricCounts.count(registry, "response_packet_cache_hits"));
        assertEquals(0, MetricCounts.count(registry, "response_packet_cache_misses"));
    }

    @Test
    void sizesAreReadAsApacheNamesThemAndANonNumberIsRefusedByName() {
        assertEquals(ResponseCacheSizes.DEFAULT, ResponseCacheSizes.parse(null, null));
        assertEquals(new ResponseCacheSizes(0, 25), ResponseCacheSizes.parse("0", " 25 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseCacheSizes.parse("many", null));
        assertEquals("maxResponseCacheSize is not a whole number of entries: many", e.getMessage());
    }

    private static byte[] encoded(JuteRecord record) {
        JuteWriter out = new JuteWriter();
        record.write(out);
        return out.toByteArray();
    }
}
