package dev.menagerie.server.impl.tree;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Path to node, plus the tree digest: the 64-bit sum of every node's {@link NodeDigest} term (Apache's
 * {@code NodeHashMapImpl} with its {@code AdHash}). A change to a node must be bracketed by
 * {@link #preChange} and {@link #postChange} so its old term leaves the sum and its new one enters it.
 *
 * <p>The map is concurrent because monitoring threads read it; the digest is only changed by the applier.
 */
final class NodeMap {
    private final ConcurrentHashMap<String, DataNode> nodes = new ConcurrentHashMap<>();
    private volatile long digest;

    DataNode get(String path) {
        return nodes.get(path);
    }

    /** Adds or replaces a node and counts its digest term. */
    void put(String path, DataNode node) {
        DataNode old = nodes.put(path, node);
        addDigest(path, node);
        if (old != null) {
            removeDigest(path, old);
        }
    }

    /** Adds the root's "/" alias; the root already counts once under "". */
    void putAlias(String path, DataNode node) {
        nodes.put(path, node);
    }

    DataNode remove(String path) {
        DataNode old = nodes.remove(path);
        if (old != null) {
            removeDigest(path, old);
        }
        return old;
    }

    void preChange(String path, DataNode node) {
        removeDigest(path, node);
    }

    void postChange(String path, DataNode node) {
        addDigest(path, node);
    }

    int size() {
        return nodes.size();
    }

    Iterable<Map.Entry<String, DataNode>> entries() {
        return nodes.entrySet();
    }

    Iterable<String> paths() {
        return nodes.keySet();
    }

    void clear() {
        nodes.clear();
        digest = 0;
    }

    long digest() {
        return digest;
    }

    private void addDigest(String path, DataNode node) {
        if (!NodeDigest.excluded(path)) {
            node.digest = NodeDigest.of(path, node);
            digest += node.digest;
        }
    }

    private void removeDigest(String path, DataNode node) {
        if (!NodeDigest.excluded(path)) {
            digest -= node.digest;
        }
    }
}
