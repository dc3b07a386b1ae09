package dev.menagerie.server.impl.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.menagerie.protocol.EventType;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;
import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.server.util.SerializeUtils;
import org.apache.zookeeper.txn.TxnHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applies the same seeded transactions to our tree and to Apache ZooKeeper 3.9.5's own DataTree, and checks that
 * every node, the digest, the indexes, the watch events and the snapshot bytes agree. Half-way, each side is
 * replaced by the tree loaded from the other side's snapshot bytes.
 */
class DifferentialTest {
    private static final int TXNS_PER_SEED = 400;

    /** What the runs exercised, so that a generator change cannot quietly stop covering a case. */
    private static final Map<String, Integer> COVERAGE = new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void everyCaseWasExercised() {
        for (String name : List.of("NODEEXISTS", "NONODE", "failed multi", "multi", "closeSession deletes",
                "ttl", "container", "quota stats", "create2 stat")) {
            assertEquals(true, COVERAGE.getOrDefault(name, 0) > 0, "never exercised: " + name + " " + COVERAGE);
        }
    }

    private static void count(ProcessTxnResult result, DataTree tree) {
        if (result.err() == -110) {
            COVERAGE.merge("NODEEXISTS", 1, Integer::sum);
        } else if (result.err() == -101) {
            COVERAGE.merge("NONODE", 1, Integer::sum);
        }
        if (result.multiResult() != null) {
            COVERAGE.merge(result.err() != 0 ? "failed multi" : "multi", 1, Integer::sum);
        }
        if (result.type() == dev.menagerie.protocol.OpCode.CLOSE_SESSION && !result.deletedPaths().isEmpty()) {
            COVERAGE.merge("closeSession deletes", 1, Integer::sum);
        }
        if (result.type() == dev.menagerie.protocol.OpCode.CREATE2 && result.stat() != null) {
            COVERAGE.merge("create2 stat", 1, Integer::sum);
        }
        COVERAGE.merge("ttl", tree.ttls().size(), Integer::sum);
        COVERAGE.merge("container", tree.containers().size(), Integer::sum);
        for (String path : tree.children("/zookeeper/quota")) {
            List<String> under = tree.children("/zookeeper/quota/" + path);
            if (under != null && !under.isEmpty()) {
                COVERAGE.merge("quota stats", 1, Integer::sum);
            }
        }
    }

    @BeforeAll
    static void enableTtlNodes() {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
    }

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 24; seed++) {
            seeds.add(seed * 7919);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameTreeAsApache(long seed) throws Exception {
        try {
            run(seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("differential run failed with seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private void run(long seed) throws Exception {
        DataTree ours = new DataTree(true);
        org.apache.zookeeper.server.DataTree theirs = new org.apache.zookeeper.server.DataTree();
        List<String> apacheEvents = new ArrayList<>();
        watchAll(theirs, apacheEvents);
        Map<Long, Integer> sessions = new HashMap<>();
        RandomTxns txns = new RandomTxns(seed, ours, sessions, 0x100000000L);
        compareTrees(ours, theirs);
        for (int i = 0; i < TXNS_PER_SEED; i++) {
            RandomTxns.Step step = txns.next();
            ProcessTxnResult ourResult = ours.apply(step.header(), step.txn());
            TxnHeader apacheHeader = ApacheBridge.header(step.header());
            org.apache.zookeeper.server.DataTree.ProcessTxnResult theirResult =
                    theirs.processTxn(apacheHeader, ApacheBridge.txn(step.header().type(), step.txn()));
            String at = "txn " + i + " " + step.header() + " " + step.txn();
            compareResults(ourResult, theirResult, at);
            count(ourResult, ours);
            List<String> ourEvents = dataEvents(ourResult);
            assertEquals(apacheEvents, ourEvents, at + ": watch events");
            apacheEvents.clear();
            assertEquals(theirs.getTreeDigest(), ours.digest(), at + ": digest");
            if (i % 50 == 49) {
                compareTrees(ours, theirs);
            }
            if (i == TXNS_PER_SEED / 2) {
                byte[] snapshot = compareSnapshots(ours, theirs, sessions);
                ours = DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(snapshot), true,
                        SnapshotJute.DEFAULT_MAX_BUFFER_BYTES).tree();
                theirs = apacheLoad(snapshot);
                watchAll(theirs, apacheEvents);
                txns = new RandomTxns(seed + 1, ours, sessions, step.header().zxid());
                compareTrees(ours, theirs);
                compareSnapshots(ours, theirs, sessions);
            }
        }
        compareTrees(ours, theirs);
        compareSnapshots(ours, theirs, sessions);
    }

    private static void watchAll(org.apache.zookeeper.server.DataTree tree, List<String> events) {
        tree.addWatch("/", (WatchedEvent e) -> events.add(e.getPath() + " " + e.getType().getIntValue()),
                AddWatchMode.PERSISTENT_RECURSIVE.getMode());
    }

    /** Our triggers as Apache's recursive data watch on "/" sees them: everything but child events. */
    private static List<String> dataEvents(ProcessTxnResult result) {
        List<String> events = new ArrayList<>();
        for (WatchTrigger trigger : result.triggers()) {
            if (trigger.type() != EventType.NODE_CHILDREN_CHANGED) {
                events.add(trigger.path() + " " + trigger.type().intValue());
            }
        }
        return events;
    }

    private static void compareResults(ProcessTxnResult ours,
            org.apache.zookeeper.server.DataTree.ProcessTxnResult theirs, String at) {
        assertEquals(theirs.err, ours.err(), at + ": err");
        assertEquals(theirs.path, ours.path(), at + ": path");
        assertEquals(theirs.type, ours.type(), at + ": type");
        assertEquals(theirs.zxid, ours.zxid(), at + ": zxid");
        assertEquals(theirs.stat == null ? null : ApacheBridge.stat(theirs.stat), ours.stat(), at + ": stat");
        if (theirs.multiResult == null) {
            assertEquals(null, ours.multiResult(), at + ": multi");
            return;
        }
        assertEquals(theirs.multiResult.size(), ours.multiResult().size(), at + ": multi size");
        for (int i = 0; i < theirs.multiResult.size(); i++) {
            compareResults(ours.multiResult().get(i), theirs.multiResult.get(i), at + " op " + i);
        }
    }

    static void compareTrees(DataTree ours, org.apache.zookeeper.server.DataTree theirs) throws Exception {
        assertEquals(theirs.getNodeCount(), ours.nodeCount(), "node count");
        assertEquals(theirs.getTreeDigest(), ours.digest(), "digest");
        assertEquals(theirs.cachedApproximateDataSize(), ours.approximateDataSize(), "data size");
        assertEquals(theirs.lastProcessedZxid, ours.lastProcessedZxid(), "lastProcessedZxid");
        assertEquals(theirs.getContainers(), ours.containers(), "containers");
        assertEquals(theirs.getTtls(), ours.ttls(), "ttls");
        assertEquals(theirs.aclCacheSize(), ours.aclCacheSize(), "acl cache size");
        assertEquals(theirs.getAllChildrenNumber("/"), ours.allChildrenNumber("/"), "all children");
        for (long session : theirs.getSessions()) {
            assertEquals(theirs.getEphemerals(session), ours.ephemerals(session), "ephemerals of " + session);
        }
        Deque<String> pending = new ArrayDeque<>(List.of("/"));
        while (!pending.isEmpty()) {
            String path = pending.pop();
            org.apache.zookeeper.data.Stat stat = new org.apache.zookeeper.data.Stat();
            byte[] data = theirs.getData(path, stat, null);
            assertEquals(ApacheBridge.stat(stat), ours.stat(path), path + ": stat");
            assertArrayEquals(data, ours.data(path), path + ": data");
            assertEquals(ApacheBridge.acls(theirs.getACL(path, null)), ours.acl(path), path + ": acl");
            List<String> children = theirs.getChildren(path, null, null);
            assertEquals(children, ours.children(path), path + ": children");
            assertEquals(theirs.getAllChildrenNumber(path), ours.allChildrenNumber(path), path + ": descendants");
            for (String child : children) {
                pending.push(("/".equals(path) ? "" : path) + "/" + child);
            }
        }
    }

    private static byte[] compareSnapshots(DataTree ours, org.apache.zookeeper.server.DataTree theirs,
            Map<Long, Integer> sessions) throws Exception {
        SnapshotStreams.Output out = SnapshotStreams.Output.withHeader();
        ours.writeSnapshot(out, sessions);
        byte[] ourBytes = out.toByteArray();
        byte[] apacheBytes = ApacheBridge.snapshot(theirs, sessions);
        assertArrayEquals(apacheBytes, ourBytes, "snapshot bytes");
        LoadedSnapshot loaded = DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(apacheBytes), true,
                SnapshotJute.DEFAULT_MAX_BUFFER_BYTES);
        assertEquals(sessions, loaded.sessionTimeouts(), "sessions");
        assertNotNull(loaded.digest(), "digest section");
        if (loaded.digest().zxid() == loaded.tree().lastProcessedZxid()) {
            assertEquals(loaded.digest().digest(), loaded.tree().digest(), "stored digest of the loaded tree");
        }
        compareTrees(loaded.tree(), apacheLoad(apacheBytes));
        return apacheBytes;
    }

    /** Loads snapshot bytes into a new Apache tree as FileSnap.deserialize does (without the file-name zxid). */
    private static org.apache.zookeeper.server.DataTree apacheLoad(byte[] snapshot) throws Exception {
        org.apache.zookeeper.server.DataTree tree = new org.apache.zookeeper.server.DataTree();
        CheckedInputStream checked = new CheckedInputStream(new ByteArrayInputStream(snapshot), new Adler32());
        BinaryInputArchive archive = BinaryInputArchive.getArchive(checked);
        new org.apache.zookeeper.server.persistence.FileHeader().deserialize(archive, "fileheader");
        SerializeUtils.deserializeSnapshot(tree, archive, new HashMap<>());
        archive.readLong("val");
        archive.readString("path");
        tree.deserializeZxidDigest(archive, 0);
        archive.readLong("val");
        archive.readString("path");
        tree.deserializeLastProcessedZxid(archive);
        if (tree.getDigestFromLoadedSnapshot() != null) {
            tree.compareSnapshotDigests(tree.lastProcessedZxid);
        }
        return tree;
    }

}
