package dev.menagerie.server.impl.tree;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * The server's in-memory znode tree with Apache ZooKeeper 3.9's semantics: transactions change it through
 * {@link #apply}, the request pipeline and monitoring read it through the public read methods.
 *
 * <p>Threading: one applier thread calls {@link #apply}, {@link #initConfigNode} and {@link #writeSnapshot};
 * any thread may call the read methods. The node map, the ephemeral index and the container and TTL sets are
 * concurrent and each node is locked while it changes or is copied, as in Apache.
 *
 * <p>As in Apache, the root is in the map twice (as "" and "/"), so {@link #nodeCount()} of a fresh tree is 5:
 * "", "/", /zookeeper, /zookeeper/quota and /zookeeper/config.
 */
public final class DataTree {
    static final String ROOT_ALIAS = "/";
    static final String CONFIG_PATH = "/zookeeper/config";

    final NodeMap nodes = new NodeMap();
    final AclCache aclCache = new AclCache();
    final boolean extendedTypesEnabled;
    private final QuotaAccounting quotas = new QuotaAccounting(nodes);
    private final AtomicLong nodeDataSize = new AtomicLong();
    private final Map<Long, HashSet<String>> ephemerals = new ConcurrentHashMap<>();
    private final Set<String> containers = ConcurrentHashMap.newKeySet();
    private final Set<String> ttls = ConcurrentHashMap.newKeySet();
    private final NodeUpdater applier = new NodeUpdater(this);
    private DataNode root;
    private volatile long lastProcessedZxid;
    private volatile ZxidDigest lastZxidDigest;
    private final DigestLog digestLog = new DigestLog();
    /** Installed from a fuzzy snapshot and no logged digest has matched since: digests are not compared. */
    private volatile boolean fuzzy;
    /** Hears each node written (path, bytes of data); set by the server that serves from this tree. */
    private volatile ObjLongConsumer<String> writes = (path, bytes) -> { };

    /** A fresh tree with extended (TTL) node types disabled, Apache's default. */
    public DataTree() {
        this(false);
    }

    /** A fresh tree holding Apache's initial nodes; {@code extendedTypesEnabled} is zoo.cfg's key. */
    public DataTree(boolean extendedTypesEnabled) {
        this.extendedTypesEnabled = extendedTypesEnabled;
        root = emptyNode();
        nodes.put("", root);
        nodes.putAlias(ROOT_ALIAS, root);
        DataNode proc = emptyNode();
        root.addChild("zookeeper");
        nodes.put(QuotaAccounting.PROC_PATH, proc);
        proc.addChild("quota");
        nodes.put(QuotaAccounting.QUOTA_PATH, emptyNode());
        proc.addChild("config");
        nodes.put(CONFIG_PATH, emptyNode());
        // Apache restricts the config node to reading (ZOOKEEPER-2014) with a setACL whose version is -1.
        setAcl(CONFIG_PATH, Ids.READ_ACL_UNSAFE, -1);
        nodeDataSize.set(computeDataSize());
    }

    private static DataNode emptyNode() {
        return new DataNode(new byte[0], AclCache.OPEN_UNSAFE_ACL_ID, new StatPersisted(0, 0, 0, 0, 0, 0, 0, 0, 0),
                NodeKind.VOID);
    }

    // ---- transactions ----

    /**
     * Applies one transaction as Apache's {@code DataTree.processTxn} does, then advances
     * {@link #lastProcessedZxid()} (never backwards) and records the digest for the snapshot.
     *
     * @param txn the body decoded for {@code header.type()}: CreateTxn (create, create2), CreateTTLTxn,
     *     CreateContainerTxn, DeleteTxn (delete, deleteContainer), SetDataTxn (setData, reconfig), SetACLTxn,
     *     CheckVersionTxn, ErrorTxn, MultiTxn, CreateSessionTxn or null (createSession), CloseSessionTxn or null
     *     (closeSession from logs before 3.6). Other types change nothing.
     * @throws IllegalArgumentException if {@code txn} is not the record {@code header.type()} needs
     */
    public ProcessTxnResult apply(TxnHeader header, JuteRecord txn) {
        ProcessTxnResult result = applier.apply(header, txn, false);
        if (result.zxid() > lastProcessedZxid) {
            lastProcessedZxid = result.zxid();
        }
        lastZxidDigest = new ZxidDigest(result.zxid(), NodeDigest.DIGEST_VERSION, nodes.digest());
        digestLog.offer(lastZxidDigest);
        return result;
    }

    /**
     * Writes the ensemble configuration into /zookeeper/config as Apache's {@code initConfigInZKDatabase}:
     * a setData with version -1 and the configuration version as mzxid, without a transaction.
     */
    public void initConfigNode(byte[] config, long configVersion, long timeMs) {
        try {
            setData(CONFIG_PATH, config, -1, configVersion, timeMs, null);
        } catch (TreeException e) {
            throw new IllegalStateException("the config node is missing", e);
        }
    }

    /** Apache's rule: the tree is as of the snapshot's file-name zxid once a snapshot is loaded. */
    public void setLastProcessedZxid(long zxid) {
        lastProcessedZxid = zxid;
    }

    // ---- reads ----

    public DataNode node(String path) {
        return nodes.get(path);
    }

    /** The node's stat as clients see it, or null if there is no node. */
    public Stat stat(String path) {
        DataNode node = nodes.get(path);
        return node == null ? null : node.stat();
    }

    /** The node's data (not a copy: never modify it), or null if there is no node. */
    public byte[] data(String path) {
        DataNode node = nodes.get(path);
        return node == null ? null : node.data();
    }

    /** The child names in Apache's order, or null if there is no node. */
    public List<String> children(String path) {
        DataNode node = nodes.get(path);
        return node == null ? null : node.children();
    }

    /** The node's ACL, or null if there is no node. */
    public List<ACL> acl(String path) {
        DataNode node = nodes.get(path);
        return node == null ? null : aclCache.convertLong(node.aclIndex());
    }

    /** The ACL list held under an index of the cache. */
    public List<ACL> aclOf(DataNode node) {
        return aclCache.convertLong(node.aclIndex());
    }

    /** A copy of the ephemeral paths of a session (empty if none). */
    public Set<String> ephemerals(long sessionId) {
        HashSet<String> paths = ephemerals.get(sessionId);
        if (paths == null) {
            return new HashSet<>();
        }
        synchronized (paths) {
            return new HashSet<>(paths);
        }
    }

    /** A copy of every session's ephemeral paths (for the {@code dump} command). */
    public Map<Long, Set<String>> ephemeralsBySession() {
        Map<Long, Set<String>> copy = new HashMap<>();
        for (Map.Entry<Long, HashSet<String>> entry : ephemerals.entrySet()) {
            synchronized (entry.getValue()) {
                copy.put(entry.getKey(), new HashSet<>(entry.getValue()));
            }
        }
        return copy;
    }

    public int ephemeralsCount() {
        int count = 0;
        for (HashSet<String> paths : ephemerals.values()) {
            synchronized (paths) {
                count += paths.size();
            }
        }
        return count;
    }

    /** Apache's getAllChildrenNumber: every descendant of the path; for "/" all nodes but the two roots. */
    public int allChildrenNumber(String path) {
        if (ROOT_ALIAS.equals(path)) {
            return nodes.size() - 2;
        }
        String prefix = path + "/";
        int count = 0;
        for (String candidate : nodes.paths()) {
            if (candidate.startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }

    /** The map's size, the root counted twice, as Apache's {@code zk_znode_count}. */
    public int nodeCount() {
        return nodes.size();
    }

    /** Path lengths plus data lengths, kept as Apache keeps its cached value ({@code zk_approximate_data_size}). */
    public long approximateDataSize() {
        return nodeDataSize.get();
    }

    public Set<String> containers() {
        return new HashSet<>(containers);
    }

    public Set<String> ttls() {
        return new HashSet<>(ttls);
    }

    public long lastProcessedZxid() {
        return lastProcessedZxid;
    }

    /** The tree digest (digest version 2). */
    public long digest() {
        return nodes.digest();
    }

    /** The digest to log after the transaction just applied. */
    public TxnDigest txnDigest() {
        return new TxnDigest(NodeDigest.DIGEST_VERSION, nodes.digest());
    }

    /** The digests logged every {@value DigestLog#INTERVAL_ZXIDS} zxids, oldest first. */
    public List<ZxidDigest> digestLog() {
        return digestLog.entries();
    }

    /** The digest recorded after the last transaction, or null when none was applied since creation or load. */
    public ZxidDigest lastZxidDigest() {
        return lastZxidDigest;
    }

    /**
     * A node's term in the tree digest for the given state, so the request pipeline can compute the digest a
     * transaction will leave before it is applied (Apache logs it with the transaction).
     */
    public static long nodeDigest(String path, byte[] data, StatPersisted stat) {
        return NodeDigest.of(path, data, stat.czxid(), stat.mzxid(), stat.pzxid(), stat.ctime(), stat.mtime(),
                stat.version(), stat.cversion(), stat.aversion(), stat.ephemeralOwner());
    }

    /** The digest version {@link #txnDigest()} and {@link #nodeDigest} use. */
    public static int digestVersion() {
        return NodeDigest.DIGEST_VERSION;
    }

    /**
     * Whether the tree digest is {@code logged}, the digest recorded with the transaction just applied. A tree
     * installed from a fuzzy snapshot agrees with anything until the first digest that matches, from which on
     * its digest is exact (Apache skips the comparison in the same window).
     */
    public boolean digestAgrees(long logged) {
        if (nodes.digest() == logged) {
            fuzzy = false;
            return true;
        }
        return fuzzy;
    }

    /** The tree came from a snapshot that may hold part of the transactions after its zxid. */
    public void markFuzzy() {
        fuzzy = true;
    }

    /** False only when {@code expected} uses this tree's digest version and differs from its digest now. */
    public boolean digestAgrees(ZxidDigest expected) {
        return expected.digestVersion() != NodeDigest.DIGEST_VERSION || expected.digest() == nodes.digest();
    }

    public int aclCacheSize() {
        return aclCache.size();
    }

    /** The containers and TTL nodes the container manager should delete now (Apache's getCandidates). */
    public Set<String> containerCandidates(long nowMs, long maxNeverUsedIntervalMs) {
        return ContainerCandidates.select(this, containers, ttls, nowMs, maxNeverUsedIntervalMs);
    }

    QuotaAccounting quotas() {
        return quotas;
    }

    // ---- snapshots ----

    /**
     * Writes the snapshot body after the file header, as Apache 3.9's {@code FileSnap.serialize} with its
     * defaults: sessions, ACL map, nodes, seal; digest section, seal; lastProcessedZxid, seal.
     *
     * <p>Cost: one pass over the tree in depth-first order, O(nodes + bytes) time, with a reusable encoding
     * buffer and a stack as deep as the tree; nodes are copied one at a time under their lock, so it must run
     * on the applier thread (or on a tree nobody changes) to be consistent.
     */
    public void writeSnapshot(SnapshotOutput out, Map<Long, Integer> sessionTimeouts) throws IOException {
        TreeSnapshot.write(this, out, sessionTimeouts);
    }

    /**
     * Writes the sessions and the tree as a quorum leader streams them after a SNAP packet (Apache's
     * {@code ZKDatabase.serializeSnapshot}): the snapshot body without seals, digest or zxid. Flushes, does not
     * close. Safe while transactions are applied (fuzzy, as {@link #writeSnapshot}).
     */
    public void writeSnapStream(java.io.OutputStream out, Map<Long, Integer> sessionTimeouts) throws IOException {
        java.io.DataOutputStream data = new java.io.DataOutputStream(out);
        TreeSnapshot.writeBody(this, data, sessionTimeouts);
        data.flush();
    }

    /**
     * Reads what {@link #writeSnapStream} wrote into a new tree, without reading past it (the leader's signature
     * follows). The tree's lastProcessedZxid is left for the caller to set.
     */
    public static LoadedSnapshot readSnapStream(java.io.InputStream in, boolean extendedTypesEnabled,
            int maxBufferBytes) throws IOException {
        DataTree tree = new DataTree(extendedTypesEnabled);
        Map<Long, Integer> sessions = TreeSnapshot.readBody(tree, new java.io.DataInputStream(in), maxBufferBytes);
        return new LoadedSnapshot(tree, sessions, null);
    }

    /** Reads a snapshot body (after the file header) into a new tree with extended types disabled. */
    public static LoadedSnapshot readSnapshot(SnapshotInput in) throws IOException {
        return readSnapshot(in, false, SnapshotJute.DEFAULT_MAX_BUFFER_BYTES);
    }

    /** @param maxBufferBytes the largest string or data length accepted: jute.maxbuffer plus 1024 */
    public static LoadedSnapshot readSnapshot(SnapshotInput in, boolean extendedTypesEnabled, int maxBufferBytes)
            throws IOException {
        return TreeSnapshot.read(new DataTree(extendedTypesEnabled), in, maxBufferBytes);
    }

    DataNode root() {
        return root;
    }

    /** Empties the tree before a snapshot's nodes are read into it (Apache's deserialize). */
    void clearForLoad() {
        nodes.clear();
        nodeDataSize.set(0);
        root = null;
    }

    /** Adds a node read from a snapshot; its parent must have been read before it. */
    void loadNode(String path, DataNode node) throws IOException {
        nodes.put(path, node);
        aclCache.addUsage(node.acl);
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash == -1) {
            root = node;
            return;
        }
        String parentPath = path.substring(0, lastSlash);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            throw new IOException("Invalid Datatree, unable to find parent " + parentPath + " of path " + path);
        }
        parent.addChild(path.substring(lastSlash + 1));
        indexOwner(path, node);
    }

    /** Finishes a load: the root alias, the size counter, the quotas and the unused ACLs. */
    void finishLoad() throws IOException {
        if (root == null) {
            throw new IOException("the snapshot has no root node");
        }
        nodes.putAlias(ROOT_ALIAS, root);
        nodeDataSize.set(computeDataSize());
        quotas.rebuild();
        aclCache.purgeUnused();
    }

    // ---- changes (applier thread only) ----

    /** From now on, tells {@code writes} of each node created, changed or deleted: its path and data bytes. */
    public void reportWritesTo(ObjLongConsumer<String> writes) {
        this.writes = writes;
    }

    /** Apache's createNode; returns the new node. */
    DataNode createNode(String path, byte[] data, List<ACL> acl, long ephemeralOwner, int parentCVersion,
            long zxid, long timeMs, ProcessTxnResult result) throws TreeException {
        int lastSlash = path.lastIndexOf('/');
        String parentPath = path.substring(0, lastSlash);
        String childName = path.substring(lastSlash + 1);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            throw new TreeException(ErrorCode.NONODE, path);
        }
        DataNode child;
        List<ACL> parentAcl;
        synchronized (parent) {
            parentAcl = aclCache.convertLong(parent.acl);
            long aclIndex = aclCache.convertAcls(acl);
            DataNode existing = nodes.get(path);
            if (existing != null) {
                // Apache's replay quirk: the existing node takes the new ACL (the old one's count is not dropped).
                synchronized (existing) {
                    existing.acl = aclIndex;
                }
                throw new TreeException(ErrorCode.NODEEXISTS, path);
            }
            nodes.preChange(parentPath, parent);
            int newCversion = parentCVersion == -1 ? parent.cversion + 1 : parentCVersion;
            // Replaying over a fuzzy snapshot may see an older cversion; only move forward.
            if (newCversion > parent.cversion) {
                parent.cversion = newCversion;
                parent.pzxid = zxid;
            }
            child = new DataNode(data, aclIndex, DataNode.newStat(zxid, timeMs, ephemeralOwner),
                    NodeKind.of(ephemeralOwner, extendedTypesEnabled));
            parent.addChild(childName);
            nodes.postChange(parentPath, parent);
            nodeDataSize.addAndGet(sizeOf(path, data));
            nodes.put(path, child);
            indexOwner(path, child);
        }
        quotas.nodeCreated(parentPath, childName, path, data);
        writes.accept(path, data == null ? 0 : data.length);
        result.addTrigger(new WatchTrigger(path, EventType.NODE_CREATED, aclCache.convertLong(child.acl)));
        result.addTrigger(new WatchTrigger(parentPath.isEmpty() ? ROOT_ALIAS : parentPath,
                EventType.NODE_CHILDREN_CHANGED, parentAcl));
        return child;
    }

    /** Apache's deleteNode: the parent's pzxid moves forward even when the child is already gone. */
    void deleteNode(String path, long zxid, ProcessTxnResult result) throws TreeException {
        int lastSlash = path.lastIndexOf('/');
        String parentPath = path.substring(0, lastSlash);
        String childName = path.substring(lastSlash + 1);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            throw new TreeException(ErrorCode.NONODE, path);
        }
        synchronized (parent) {
            nodes.preChange(parentPath, parent);
            parent.removeChild(childName);
            if (zxid > parent.pzxid) {
                parent.pzxid = zxid;
            }
            nodes.postChange(parentPath, parent);
        }
        DataNode node = nodes.get(path);
        if (node == null) {
            throw new TreeException(ErrorCode.NONODE, path);
        }
        nodes.remove(path);
        List<ACL> acl;
        byte[] data;
        synchronized (node) {
            acl = aclCache.convertLong(node.acl);
            aclCache.removeUsage(node.acl);
            data = node.data;
            nodeDataSize.addAndGet(-sizeOf(path, data));
        }
        List<ACL> parentAcl = aclCache.convertLong(parent.aclIndex());
        unindexOwner(path, node);
        quotas.nodeDeleted(parentPath, childName, path, data);
        writes.accept(path, 0);
        result.addTrigger(new WatchTrigger(path, EventType.NODE_DELETED, acl));
        result.addTrigger(new WatchTrigger(parentPath.isEmpty() ? ROOT_ALIAS : parentPath,
                EventType.NODE_CHILDREN_CHANGED, parentAcl));
    }

    /** Apache's setData; {@code result} may be null when no watch should fire. */
    Stat setData(String path, byte[] data, int version, long zxid, long timeMs, ProcessTxnResult result)
            throws TreeException {
        DataNode node = nodes.get(path);
        if (node == null) {
            throw new TreeException(ErrorCode.NONODE, path);
        }
        byte[] oldData;
        Stat stat;
        List<ACL> acl;
        synchronized (node) {
            acl = aclCache.convertLong(node.acl);
            oldData = node.data;
            nodes.preChange(path, node);
            node.data = data;
            node.mtime = timeMs;
            node.mzxid = zxid;
            node.version = version;
            stat = node.stat();
            nodes.postChange(path, node);
        }
        quotas.dataChanged(path, oldData, data);
        nodeDataSize.addAndGet(sizeOf(path, data) - sizeOf(path, oldData));
        writes.accept(path, data == null ? 0 : data.length);
        if (result != null) {
            result.addTrigger(new WatchTrigger(path, EventType.NODE_DATA_CHANGED, acl));
        }
        return stat;
    }

    /** Apache's setACL: {@code version} becomes the aversion. */
    Stat setAcl(String path, List<ACL> acl, int version) {
        DataNode node = nodes.get(path);
        if (node == null) {
            return null;
        }
        synchronized (node) {
            aclCache.removeUsage(node.acl);
            nodes.preChange(path, node);
            node.aversion = version;
            node.acl = aclCache.convertAcls(acl);
            Stat stat = node.stat();
            nodes.postChange(path, node);
            return stat;
        }
    }

    /** Apache's setCversionPzxid, used when a create replays onto an existing node. */
    void setCversionPzxid(String path, int newCversion, long zxid) throws TreeException {
        String target = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        DataNode node = nodes.get(target);
        if (node == null) {
            throw new TreeException(ErrorCode.NONODE, target);
        }
        synchronized (node) {
            int cversion = newCversion == -1 ? node.cversion + 1 : newCversion;
            if (cversion > node.cversion) {
                nodes.preChange(target, node);
                node.cversion = cversion;
                node.pzxid = zxid;
                nodes.postChange(target, node);
            }
        }
    }

    /** Removes and returns the session's ephemeral set (closeSession). */
    HashSet<String> removeEphemerals(long sessionId) {
        return ephemerals.remove(sessionId);
    }

    private void indexOwner(String path, DataNode node) {
        switch (node.kind) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case NORMAL -> {
                HashSet<String> paths = ephemerals.computeIfAbsent(node.ephemeralOwner, k -> new HashSet<>());
                synchronized (paths) {
                    paths.add(path);
                }
            }
            case VOID -> {
            }
        }
    }

    private void unindexOwner(String path, DataNode node) {
        switch (node.kind) {
            case CONTAINER -> containers.remove(path);
            case TTL -> ttls.remove(path);
            case NORMAL -> {
                HashSet<String> paths = ephemerals.get(node.ephemeralOwner);
                if (paths != null) {
                    synchronized (paths) {
                        paths.remove(path);
                    }
                }
            }
            case VOID -> {
            }
        }
    }

    private long computeDataSize() {
        long size = 0;
        for (Map.Entry<String, DataNode> entry : nodes.entries()) {
            size += sizeOf(entry.getKey(), entry.getValue().data());
        }
        return size;
    }

    private static long sizeOf(String path, byte[] data) {
        return (path == null ? 0 : path.length()) + (data == null ? 0 : data.length);
    }
}
