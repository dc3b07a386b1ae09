package dev.menagerie.server.impl.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code /zookeeper/quota/<path>/zookeeper_stats} up to date as Apache ZooKeeper's DataTree does.
 *
 * <p>A path gets a quota when its {@code zookeeper_limits} node is created (or found when a snapshot loads).
 * Creating the {@code zookeeper_stats} node recounts the subtree; after that, each create, delete or setData
 * under the path adds its count and byte difference to the stats text. These updates change the stats node's
 * data only: no version, zxid or digest change, exactly as in Apache, where every server keeps them locally.
 */
final class QuotaAccounting {
    static final String PROC_PATH = "/zookeeper";
    static final String QUOTA_PATH = "/zookeeper/quota";
    static final String LIMIT_NODE = "zookeeper_limits";
    static final String STAT_NODE = "zookeeper_stats";

    private static final Logger LOG = LoggerFactory.getLogger(QuotaAccounting.class);

    private final NodeMap nodes;
    private final QuotaTrie trie = new QuotaTrie();

    QuotaAccounting(NodeMap nodes) {
        this.nodes = nodes;
    }

    static String limitPath(String path) {
        return QUOTA_PATH + path + "/" + LIMIT_NODE;
    }

    static String statPath(String path) {
        return QUOTA_PATH + path + "/" + STAT_NODE;
    }

    /** The quota path governing {@code path}, or null (the root never has one). */
    String maxPrefixWithQuota(String path) {
        String prefix = trie.findMaxPrefix(path);
        return "/".equals(prefix) || prefix.isEmpty() ? null : prefix;
    }

    void nodeCreated(String parentPath, String childName, String path, byte[] data) {
        if (parentPath.startsWith(QUOTA_PATH)) {
            String quotaPath = parentPath.substring(QUOTA_PATH.length());
            if (LIMIT_NODE.equals(childName)) {
                addQuotaPath(quotaPath);
            }
            if (STAT_NODE.equals(childName)) {
                recount(quotaPath);
            }
        }
        String prefix = maxPrefixWithQuota(path);
        if (prefix != null) {
            addToStats(prefix, data == null ? 0 : data.length, 1);
        }
    }

    void nodeDeleted(String parentPath, String childName, String path, byte[] data) {
        // Apache tests the /zookeeper prefix here, not /zookeeper/quota; shorter parents would make it throw.
        if (parentPath.startsWith(PROC_PATH) && LIMIT_NODE.equals(childName)
                && parentPath.length() > QUOTA_PATH.length()) {
            trie.delete(parentPath.substring(QUOTA_PATH.length()));
        }
        String prefix = maxPrefixWithQuota(path);
        if (prefix != null) {
            addToStats(prefix, data == null ? 0 : -data.length, -1);
        }
    }

    void dataChanged(String path, byte[] oldData, byte[] newData) {
        String prefix = maxPrefixWithQuota(path);
        if (prefix != null) {
            long bytesDiff = (newData == null ? 0 : newData.length) - (oldData == null ? 0 : oldData.length);
            addToStats(prefix, bytesDiff, 0);
        }
    }

    /** Rebuilds the quota paths and recounts every stats node after a snapshot load (Apache's setupQuota). */
    void rebuild() {
        trie.clear();
        if (nodes.get(QUOTA_PATH) == null) {
            return;
        }
        Deque<String> pending = new ArrayDeque<>();
        pending.push(QUOTA_PATH);
        String limitSuffix = "/" + LIMIT_NODE;
        while (!pending.isEmpty()) {
            String path = pending.pop();
            DataNode node = nodes.get(path);
            String[] children = node == null ? new String[0] : node.childArray();
            if (children.length == 0) {
                if (path.endsWith(limitSuffix)) {
                    String quotaPath = path.substring(QUOTA_PATH.length(), path.indexOf(limitSuffix));
                    recount(quotaPath);
                    addQuotaPath(quotaPath);
                }
                continue;
            }
            for (int i = children.length - 1; i >= 0; i--) {
                pending.push(path + "/" + children[i]);
            }
        }
    }

    private void addQuotaPath(String quotaPath) {
        if (quotaPath.isEmpty()) {
            // Apache throws here (an empty trie path) and fails the transaction; a quota on "" means nothing.
            LOG.warn("Ignoring a quota limit node directly under {}", QUOTA_PATH);
            return;
        }
        trie.add(quotaPath);
    }

    /** Adds to the counters in the stats text of {@code prefix}, keeping any other keys it holds. */
    private void addToStats(String prefix, long bytesDiff, int countDiff) {
        String statPath = statPath(prefix);
        DataNode statNode = nodes.get(statPath);
        if (statNode == null) {
            LOG.error("Missing node for stat {}", statPath);
            return;
        }
        synchronized (statNode) {
            QuotaStats stats = QuotaStats.parse(statNode.data);
            stats.set(QuotaStats.COUNT, stats.get(QuotaStats.COUNT) + countDiff);
            stats.set(QuotaStats.BYTES, stats.get(QuotaStats.BYTES) + bytesDiff);
            statNode.data = stats.toBytes();
        }
    }

    /** Counts the nodes and data bytes of the subtree at {@code path} into its stats node. */
    private void recount(String path) {
        long count = 0;
        long bytes = 0;
        Deque<String> pending = new ArrayDeque<>();
        pending.push(path);
        while (!pending.isEmpty()) {
            String at = pending.pop();
            DataNode node = nodes.get(at);
            if (node == null) {
                continue;
            }
            String[] children;
            synchronized (node) {
                children = node.childArray();
                bytes += node.data == null ? 0 : node.data.length;
            }
            count++;
            for (String child : children) {
                pending.push(at + "/" + child);
            }
        }
        QuotaStats stats = new QuotaStats();
        stats.set(QuotaStats.BYTES, bytes);
        stats.set(QuotaStats.COUNT, count);
        String statPath = statPath(path);
        DataNode statNode = nodes.get(statPath);
        if (statNode == null) {
            LOG.warn("Missing quota stat node {}", statPath);
            return;
        }
        synchronized (statNode) {
            nodes.preChange(statPath, statNode);
            statNode.data = stats.toBytes();
            nodes.postChange(statPath, statNode);
        }
    }
}
