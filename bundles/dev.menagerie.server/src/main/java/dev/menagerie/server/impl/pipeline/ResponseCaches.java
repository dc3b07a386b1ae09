package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.GetChildren2Response;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.server.impl.op.GetChildren2;
import dev.menagerie.server.impl.op.GetData;
import dev.menagerie.server.impl.op.ReadOperation;
import dev.menagerie.server.impl.stats.ResponseCacheCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper 3.9's reply caching: the encoded body of a getData reply, and of a getChildren2 reply, is kept
 * by path and reused while the node's stat is unchanged. Only the encoding is cached: the operation has already
 * checked the ACL, registered the watch and read the node (its data or children and its stat at one moment), so
 * a cached body is used only for a reply that would encode to the same bytes. Reads inside a multi and plain
 * getChildren replies are not cached, as in Apache.
 */
final class ResponseCaches {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCaches.class);
    /**
     * Apache never caches replies for quota usage nodes: the tree updates their data without changing their stat.
     */
    private static final String QUOTA_STATS_NODE = "zookeeper_stats";

    private final ResponseCache data;
    private final ResponseCache children;
    private final ResponseCacheCounters counters;

    ResponseCaches(ResponseCacheSizes sizes, ResponseCacheCounters counters) {
        this.data = new ResponseCache(sizes.getData());
        this.children = new ResponseCache(sizes.getChildren());
        this.counters = counters;
        LOG.info("Response caches: {} getData and {} getChildren2 replies ({} and {}; 0 turns a cache off)",
                sizes.getData(), sizes.getChildren(), ResponseCacheSizes.GET_DATA_KEY,
                ResponseCacheSizes.GET_CHILDREN_KEY);
    }

    /** The body to send for {@code operation}'s successful reply: {@code body}, or it with its cached encoding. */
    JuteRecord body(ReadOperation operation, JuteRecord body) {
        if (operation instanceof GetData get && body instanceof GetDataResponse response) {
            return cached(data, get.path(), response.stat(), body, counters.dataHits, counters.dataMisses);
        }
        if (operation instanceof GetChildren2 get && body instanceof GetChildren2Response response) {
            return cached(children, get.path(), response.stat(), body, counters.childrenHits,
                    counters.childrenMisses);
        }
        return body;
    }

    private static JuteRecord cached(ResponseCache cache, String path, Stat stat, JuteRecord body, Counter hits,
            Counter misses) {
        if (!cache.enabled() || path.endsWith(QUOTA_STATS_NODE)) {
            return body;
        }
        byte[] bytes = cache.get(path, stat);
        if (bytes != null) {
            hits.increment();
            return new SerializedBody(body, bytes);
        }
        JuteWriter out = new JuteWriter(64);
        body.write(out);
        bytes = out.toByteArray();
        cache.put(path, stat, bytes);
        misses.increment();
        return new SerializedBody(body, bytes);
    }
}
