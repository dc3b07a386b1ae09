package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.data.StatPersisted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One znode: its data, the index of its ACL in the {@link AclCache}, its persisted statistics and the names of
 * its children.
 *
 * <p>Only the applier thread changes a node; other threads read it through the synchronized accessors, as in
 * Apache ZooKeeper, which locks each node the same way. The children are a {@link HashSet} created with capacity
 * 8, exactly like Apache's: its iteration order is what clients see from getChildren and what the snapshot
 * writes, so the same history gives the same order as Apache.
 *
 * <p>{@code cversion} here is the persisted one, which counts child creations; clients see
 * {@code 2 * cversion - numChildren} (creations plus deletions), see {@link #stat()}.
 */
public final class DataNode {
    byte[] data;
    long acl;
    long czxid;
    long mzxid;
    long ctime;
    long mtime;
    int version;
    int cversion;
    int aversion;
    final long ephemeralOwner;
    long pzxid;
    final NodeKind kind;
    private HashSet<String> children;
    /** This node's term in the tree digest, valid while the node is in the tree (see {@link NodeMap}). */
    long digest;

    DataNode(byte[] data, long acl, StatPersisted stat, NodeKind kind) {
        this.data = data;
        this.acl = acl;
        this.czxid = stat.czxid();
        this.mzxid = stat.mzxid();
        this.ctime = stat.ctime();
        this.mtime = stat.mtime();
        this.version = stat.version();
        this.cversion = stat.cversion();
        this.aversion = stat.aversion();
        this.ephemeralOwner = stat.ephemeralOwner();
        this.pzxid = stat.pzxid();
        this.kind = kind;
    }

    /** A new node's stat as Apache's {@code createStat} builds it: every zxid and time the same, versions 0. */
    static StatPersisted newStat(long zxid, long timeMs, long ephemeralOwner) {
        return new StatPersisted(zxid, zxid, timeMs, timeMs, 0, 0, 0, ephemeralOwner, zxid);
    }

    public synchronized byte[] data() {
        return data;
    }

    /** The ACL index: -1 for Apache's "open" marker, else a key of the {@link AclCache}. */
    public synchronized long aclIndex() {
        return acl;
    }

    public NodeKind kind() {
        return kind;
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    /** The persisted child version (the number of child creations), not the one clients see. */
    public synchronized int persistedCversion() {
        return cversion;
    }

    public synchronized long mtime() {
        return mtime;
    }

    /** The statistics as clients see them. */
    public synchronized Stat stat() {
        int numChildren = children == null ? 0 : children.size();
        long clientOwner = kind == NodeKind.NORMAL ? ephemeralOwner : 0;
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion * 2 - numChildren, aversion, clientOwner,
                data == null ? 0 : data.length, numChildren, pzxid);
    }

    /** The statistics as snapshots store them. */
    public synchronized StatPersisted statPersisted() {
        return new StatPersisted(czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid);
    }

    /** A copy of the child names, in the set's iteration order. */
    public synchronized List<String> children() {
        return children == null ? new ArrayList<>(0) : new ArrayList<>(children);
    }

    public synchronized int childCount() {
        return children == null ? 0 : children.size();
    }

    synchronized String[] childArray() {
        return children == null ? new String[0] : children.toArray(new String[0]);
    }

    synchronized boolean addChild(String child) {
        if (children == null) {
            children = new HashSet<>(8);
        }
        return children.add(child);
    }

    synchronized boolean removeChild(String child) {
        return children != null && children.remove(child);
    }
}
