package dev.menagerie.server.impl.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.Txn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTreeTxnTest {
    private final DataTree tree = new DataTree(true);
    private final Txns txns = new Txns(tree);

    @Test
    void freshTreeHasApacheInitialNodes() {
        assertEquals(5, tree.nodeCount(), "'', '/', /zookeeper, /zookeeper/quota, /zookeeper/config");
        assertEquals(List.of("zookeeper"), tree.children("/"));
        assertEquals(Set.of("quota", "config"), Set.copyOf(tree.children("/zookeeper")));
        assertEquals(Ids.READ_ACL_UNSAFE, tree.acl("/zookeeper/config"));
        assertEquals(-1, tree.stat("/zookeeper/config").aversion());
        assertEquals(Ids.OPEN_ACL_UNSAFE, tree.acl("/"));
        assertEquals(new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), tree.stat("/zookeeper/quota"));
        assertEquals(3, tree.allChildrenNumber("/"));
        assertEquals(44, tree.approximateDataSize(), "path lengths of the five entries");
    }

    @Test
    void createSetsStatParentAndTriggers() {
        ProcessTxnResult result = txns.create("/app", "v1");
        long zxid = txns.zxid;
        assertEquals(0, result.err());
        assertNull(result.stat(), "plain create returns no stat");
        assertEquals(new Stat(zxid, zxid, Txns.TIME_MS + zxid, Txns.TIME_MS + zxid, 0, 0, 0, 0, 2, 0, zxid),
                tree.stat("/app"));
        Stat root = tree.stat("/");
        assertEquals(1 * 2 - 2, root.cversion(), "two children (zookeeper, app), one counted create");
        assertEquals(zxid, root.pzxid());
        assertEquals(List.of(new WatchTrigger("/app", EventType.NODE_CREATED, Ids.OPEN_ACL_UNSAFE),
                new WatchTrigger("/", EventType.NODE_CHILDREN_CHANGED, Ids.OPEN_ACL_UNSAFE)), result.triggers());
    }

    @Test
    void clientCversionCountsCreatesAndDeletes() {
        txns.create("/p", "");
        txns.create("/p/a", "");
        txns.create("/p/b", "");
        txns.delete("/p/a");
        Stat stat = tree.stat("/p");
        assertEquals(3, stat.cversion(), "two creates and one delete");
        assertEquals(2, tree.node("/p").persistedCversion());
        assertEquals(txns.zxid, stat.pzxid(), "delete moves pzxid");
        assertEquals(1, stat.numChildren());
    }

    @Test
    void parentCversionNeverMovesBackAndMinusOneIncrements() {
        txns.create("/p", "");
        txns.apply(OpCode.CREATE, new CreateTxn("/p/s0000000007", null, null, false, 8));
        assertEquals(8, tree.node("/p").persistedCversion(), "explicit parentCVersion is taken");
        txns.apply(OpCode.CREATE, new CreateTxn("/p/old", null, null, false, 3));
        assertEquals(8, tree.node("/p").persistedCversion(), "a lower one (fuzzy replay) is ignored");
        txns.apply(OpCode.CREATE, new CreateTxn("/p/v0", null, null, false, -1));
        assertEquals(9, tree.node("/p").persistedCversion(), "-1 means increment");
    }

    @Test
    void replayedCreateOfExistingNodeStillAdvancesParent() {
        txns.create("/p", "");
        txns.create("/p/a", "");
        ProcessTxnResult result = txns.apply(OpCode.CREATE, new CreateTxn("/p/a", null, Ids.READ_ACL_UNSAFE,
                false, 5));
        assertEquals(ErrorCode.NODEEXISTS.code(), result.err());
        assertEquals(5, tree.node("/p").persistedCversion());
        assertEquals(txns.zxid, tree.stat("/p").pzxid());
        assertEquals(Ids.READ_ACL_UNSAFE, tree.acl("/p/a"), "Apache's quirk: the existing node takes the ACL");
        assertTrue(result.triggers().isEmpty());
    }

    @Test
    void create2ContainerAndTtlReturnStatAndAreIndexed() {
        ProcessTxnResult c2 = txns.apply(OpCode.CREATE2, new CreateTxn("/e", null, null, true, 1));
        assertEquals(Txns.SESSION, c2.stat().ephemeralOwner());
        ProcessTxnResult container = txns.apply(OpCode.CREATE_CONTAINER, new CreateContainerTxn("/c", null, null,
                2));
        assertEquals(0, container.stat().ephemeralOwner(), "clients see 0 for containers");
        assertEquals(Long.MIN_VALUE, tree.node("/c").ephemeralOwner());
        ProcessTxnResult ttl = txns.apply(OpCode.CREATE_TTL, new CreateTTLTxn("/t", null, null, 3, 5000));
        assertEquals(0, ttl.stat().ephemeralOwner());
        assertEquals(0xFF00_0000_0000_1388L, tree.node("/t").ephemeralOwner());
        assertEquals(Set.of("/e"), tree.ephemerals(Txns.SESSION));
        assertEquals(Set.of("/c"), tree.containers());
        assertEquals(Set.of("/t"), tree.ttls());
        long now = tree.node("/t").mtime() + 6000;
        assertEquals(Set.of("/t"), tree.containerCandidates(now, 0), "unused container kept, TTL expired");
        txns.create("/c/child", "");
        txns.delete("/c/child");
        assertEquals(Set.of("/c", "/t"), tree.containerCandidates(now, 0));
        txns.apply(OpCode.DELETE_CONTAINER, new DeleteTxn("/c"));
        assertEquals(Set.of(), tree.containers());
    }

    @Test
    void ttlOwnerIsAnEphemeralWhenExtendedTypesAreDisabled() {
        Txns plain = new Txns(new DataTree(false));
        plain.apply(OpCode.CREATE_TTL, new CreateTTLTxn("/t", null, null, 1, 5000));
        assertEquals(Set.of(), plain.tree.ttls());
        assertEquals(Set.of("/t"), plain.tree.ephemerals(0xFF00_0000_0000_1388L));
    }

    @Test
    void deleteOfMissingNodeReportsNoNodeButMovesParentPzxid() {
        txns.create("/p", "");
        ProcessTxnResult result = txns.delete("/p/gone");
        assertEquals(ErrorCode.NONODE.code(), result.err());
        assertEquals(txns.zxid, tree.stat("/p").pzxid());
        assertEquals(txns.zxid, tree.lastProcessedZxid());
    }

    @Test
    void deleteTriggersDeletedThenParentChildren() {
        txns.create("/p", "");
        txns.create("/p/a", "xyz");
        ProcessTxnResult result = txns.delete("/p/a");
        assertEquals(List.of("/p/a NODE_DELETED", "/p NODE_CHILDREN_CHANGED"), names(result));
        assertNull(tree.node("/p/a"));
        assertEquals(List.of(), tree.children("/p"));
    }

    @Test
    void setDataAndSetAclUpdateVersions() {
        txns.create("/n", "a");
        ProcessTxnResult set = txns.setData("/n", "bbb");
        assertEquals(1, set.stat().version());
        assertEquals(txns.zxid, set.stat().mzxid());
        assertEquals("bbb", Txns.text(tree.data("/n")));
        assertEquals(List.of("/n NODE_DATA_CHANGED"), names(set));
        ProcessTxnResult acl = txns.apply(OpCode.SET_ACL, new SetACLTxn("/n", Ids.READ_ACL_UNSAFE, 1));
        assertEquals(1, acl.stat().aversion());
        assertEquals(Ids.READ_ACL_UNSAFE, tree.acl("/n"));
        assertTrue(acl.triggers().isEmpty());
        assertEquals(ErrorCode.NONODE.code(), txns.apply(OpCode.SET_DATA, new SetDataTxn("/x", null, 1)).err());
        assertEquals(ErrorCode.NONODE.code(), txns.apply(OpCode.SET_ACL, new SetACLTxn("/x", null, 1)).err());
    }

    @Test
    void closeSessionDeletesListedAndRemainingEphemerals() {
        long other = Txns.SESSION + 1;
        txns.create("/p", "");
        txns.ephemeral("/p/e1", Txns.SESSION);
        txns.ephemeral("/p/e2", Txns.SESSION);
        txns.ephemeral("/p/o", other);
        ProcessTxnResult result = txns.apply(OpCode.CLOSE_SESSION, new CloseSessionTxn(List.of("/p/e2")));
        assertEquals(List.of("/p/e2", "/p/e1"), result.deletedPaths(), "listed first, leftovers after");
        assertEquals(List.of("/p/e2 NODE_DELETED", "/p NODE_CHILDREN_CHANGED", "/p/e1 NODE_DELETED",
                "/p NODE_CHILDREN_CHANGED"), names(result));
        assertEquals(Set.of(), tree.ephemerals(Txns.SESSION));
        assertEquals(List.of("o"), tree.children("/p"));
        ProcessTxnResult legacy = txns.apply(OpCode.CLOSE_SESSION, null, other);
        assertEquals(List.of("/p/o"), legacy.deletedPaths(), "a pre-3.6 closeSession has no body");
    }

    @Test
    void sessionErrorAndCheckTxnsChangeNothingButTheZxid() {
        long digest = tree.digest();
        assertEquals(0, txns.apply(OpCode.CREATE_SESSION, new CreateSessionTxn(30000)).err());
        assertEquals(-101, txns.apply(OpCode.ERROR, new ErrorTxn(-101)).err());
        assertEquals("/x", txns.apply(OpCode.CHECK, new CheckVersionTxn("/x", 1)).path());
        assertEquals(digest, tree.digest());
        assertEquals(txns.zxid, tree.lastProcessedZxid());
        assertEquals(new ZxidDigest(txns.zxid, 2, digest), tree.lastZxidDigest());
    }

    @Test
    void multiAppliesAllOpsAndCollectsTriggers() {
        ProcessTxnResult result = txns.apply(OpCode.MULTI, new MultiTxn(List.of(
                op(OpCode.CREATE, new CreateTxn("/m", Txns.bytes("1"), null, false, -1)),
                op(OpCode.SET_DATA, new SetDataTxn("/m", Txns.bytes("2"), 1)),
                op(OpCode.CHECK, new CheckVersionTxn("/m", 1)))));
        assertEquals(0, result.err());
        assertEquals(3, result.multiResult().size());
        assertEquals("2", Txns.text(tree.data("/m")));
        assertEquals(List.of("/m NODE_CREATED", "/ NODE_CHILDREN_CHANGED", "/m NODE_DATA_CHANGED"), names(result));
    }

    @Test
    void failedMultiChangesNothing() {
        long digest = tree.digest();
        ProcessTxnResult result = txns.apply(OpCode.MULTI, new MultiTxn(List.of(
                op(OpCode.CREATE, new CreateTxn("/m", null, null, false, -1)),
                op(OpCode.ERROR, new ErrorTxn(ErrorCode.BADVERSION.code())),
                op(OpCode.DELETE, new DeleteTxn("/zookeeper")))));
        assertEquals(ErrorCode.BADVERSION.code(), result.err());
        assertEquals(List.of(0, ErrorCode.BADVERSION.code(), ErrorCode.RUNTIMEINCONSISTENCY.code()),
                result.multiResult().stream().map(ProcessTxnResult::err).toList());
        assertNull(tree.node("/m"));
        assertNotNull(tree.node("/zookeeper"));
        assertEquals(digest, tree.digest());
        assertTrue(result.triggers().isEmpty());
    }

    @Test
    void configNodeTakesTheEnsembleConfiguration() {
        tree.initConfigNode(Txns.bytes("server.1=a:1:2;3\nversion=100000000"), 0x100000000L, 5);
        Stat stat = tree.stat("/zookeeper/config");
        assertEquals(-1, stat.version());
        assertEquals(0x100000000L, stat.mzxid());
        assertEquals(0, tree.lastProcessedZxid(), "no transaction was applied");
    }

    private static Txn op(int type, dev.menagerie.protocol.jute.JuteRecord record) {
        return new Txn(type, ApacheBridge.bytes(record));
    }

    private static List<String> names(ProcessTxnResult result) {
        return result.triggers().stream().map(t -> t.path() + " " + t.type()).toList();
    }
}
