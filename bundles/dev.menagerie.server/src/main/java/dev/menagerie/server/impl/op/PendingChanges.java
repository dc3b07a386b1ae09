package dev.menagerie.server.impl.op;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.server.impl.tree.DataNode;
import dev.menagerie.server.impl.tree.DataTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes prepared but not yet applied, newest per path, layered over the tree. The prep thread adds records
 * and reads through them; the commit thread drops them once their transaction is applied. A failing multi rolls
 * back the records it added.
 */
public final class PendingChanges {

    private final DataTree tree;
    private final Map<String, ChangeRecord> byPath = new HashMap<>();
    private final Deque<ChangeRecord> inOrder = new ArrayDeque<>();
    private final Counter queued;
    private final Counter removed;
    private long appliedZxid;

    /**
     * @param queued  counts each record added ({@code outstanding_changes_queued})
     * @param removed counts each record dropped once its transaction is applied ({@code outstanding_changes_removed})
     */
    public PendingChanges(DataTree tree, Counter queued, Counter removed) {
        this.queued = queued;
        this.removed = removed;
        this.tree = tree;
    }

    /** The node as it will be, or null when it will not exist. */
    synchronized ChangeRecord lookup(String path) {
        ChangeRecord pending = byPath.get(path);
        if (pending != null) {
            return pending.exists ? pending : null;
        }
        DataNode node = tree.node(path);
        return node == null ? null : fromNode(path, node);
    }

    private ChangeRecord fromNode(String path, DataNode node) {
        StatPersisted stat = node.statPersisted();
        ChangeRecord record = new ChangeRecord(-1, path, true);
        record.czxid = stat.czxid();
        record.mzxid = stat.mzxid();
        record.ctime = stat.ctime();
        record.mtime = stat.mtime();
        record.pzxid = stat.pzxid();
        record.version = stat.version();
        record.persistedCversion = stat.cversion();
        record.aversion = stat.aversion();
        record.ephemeralOwner = stat.ephemeralOwner();
        record.childCount = node.childCount();
        record.acl = tree.aclOf(node);
        record.data = node.data();
        return record;
    }

    /**
     * Records a change; {@code before} is the node's previous state (null for a new node), from which the tree
     * digest after the change follows, as Apache's precalculateDigest computes it.
     */
    synchronized void add(ChangeRecord record, ChangeRecord before) {
        long previousTerm = before == null ? 0 : before.nodeDigest();
        record.treeDigestAfter = currentDigest() - previousTerm + record.nodeDigest();
        inOrder.addLast(record);
        byPath.put(record.path, record);
        queued.increment();
    }

    /** The tree digest once every prepared transaction is applied. */
    public synchronized long currentDigest() {
        return inOrder.isEmpty() ? tree.digest() : inOrder.peekLast().treeDigestAfter;
    }

    /** Remembers the records for {@code paths} so a failing multi can put them back. */
    synchronized Map<String, ChangeRecord> checkpoint(List<String> paths) {
        Map<String, ChangeRecord> saved = new HashMap<>();
        for (String path : paths) {
            ChangeRecord record = byPath.get(path);
            if (record != null) {
                saved.put(path, record);
            }
        }
        return saved;
    }

    /** Drops every record of {@code zxid} and restores the saved ones that are still unapplied. */
    synchronized void rollback(long zxid, Map<String, ChangeRecord> saved) {
        while (!inOrder.isEmpty() && inOrder.peekLast().zxid == zxid) {
            byPath.remove(inOrder.pollLast().path);
        }
        for (ChangeRecord record : saved.values()) {
            if (record.zxid > appliedZxid) {
                byPath.put(record.path, record);
            }
        }
    }

    /** The transaction {@code zxid} is in the tree (or was abandoned): its records are no longer needed. */
    public synchronized void applied(long zxid) {
        appliedZxid = Math.max(appliedZxid, zxid);
        while (!inOrder.isEmpty() && inOrder.peekFirst().zxid <= zxid) {
            ChangeRecord record = inOrder.pollFirst();
            removed.increment();
            if (byPath.get(record.path) == record) {
                byPath.remove(record.path);
            }
        }
    }

    /** The ephemerals {@code sessionId} will own once pending changes apply (for closeSession). */
    synchronized List<String> ephemeralsOf(long sessionId) {
        java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>(tree.ephemerals(sessionId));
        for (ChangeRecord record : inOrder) {
            if (!record.exists) {
                paths.remove(record.path);
            } else if (record.ephemeralOwner == sessionId) {
                paths.add(record.path);
            }
        }
        return new ArrayList<>(paths);
    }

    public synchronized int size() {
        return inOrder.size();
    }
}
