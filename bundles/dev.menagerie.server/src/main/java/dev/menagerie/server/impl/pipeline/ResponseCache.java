package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.data.Stat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialized reply bodies by path, each valid only for the stat it was built with, as Apache ZooKeeper 3.9's
 * {@code ResponseCache}: a body is handed out again only while the node's whole stat (its zxids, versions, data
 * length and child count) is what it was, so any change to the node makes the next read a miss.
 *
 * <p>Least recently used entries go first. As in Apache, the map gives up its eldest entry as soon as it holds
 * {@code size} entries, so it keeps at most {@code size - 1}, and a size of 1 or less caches nothing. Safe from any
 * thread.
 */
final class ResponseCache {

    private record Entry(Stat stat, byte[] body) {
    }

    private final int size;
    private final Map<String, Entry> entries;

    ResponseCache(int size) {
        this.size = size;
        this.entries = new LinkedHashMap<>(Math.max(16, size / 4), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() >= ResponseCache.this.size;
            }
        };
    }

    /** Zero or less turns the cache off, as {@code zookeeper.maxResponseCacheSize=0} does in Apache. */
    boolean enabled() {
        return size > 0;
    }

    /** The body cached for {@code path} if it was built with exactly {@code stat}, else null (and forgets it). */
    synchronized byte[] get(String path, Stat stat) {
        Entry entry = entries.get(path);
        if (entry == null) {
            return null;
        }
        if (!entry.stat().equals(stat)) {
            entries.remove(path);
            return null;
        }
        return entry.body();
    }

    /** Keeps {@code body}, which must never change afterwards, as the reply for {@code path} at {@code stat}. */
    synchronized void put(String path, Stat stat, byte[] body) {
        entries.put(path, new Entry(stat, body));
    }

    synchronized int entryCount() {
        return entries.size();
    }
}
