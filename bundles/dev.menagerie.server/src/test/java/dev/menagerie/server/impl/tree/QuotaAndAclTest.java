package dev.menagerie.server.impl.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuotaAndAclTest {
    private final DataTree tree = new DataTree();
    private final Txns txns = new Txns(tree);
    /** quota_exceeded_error_per_namespace as the check feeds it. */
    private final Map<String, Long> exceeded = new TreeMap<>();
    private final QuotaCheck quotaCheck = new QuotaCheck(tree, (namespace, delta) -> exceeded.merge(namespace, delta,
            Long::sum));

    /** What the CLI's setquota does: the quota path, then limits, then stats. */
    private void setQuota(String path, String limits) {
        txns.create("/zookeeper/quota" + path, "");
        txns.create("/zookeeper/quota" + path + "/zookeeper_limits", limits);
        txns.create("/zookeeper/quota" + path + "/zookeeper_stats", "count=0,bytes=0");
    }

    private String stats(String path) {
        return Txns.text(tree.data("/zookeeper/quota" + path + "/zookeeper_stats"));
    }

    @Test
    void statsFollowChangesUnderTheQuotaPath() {
        txns.create("/app", "12345");
        txns.create("/app/a", "xx");
        setQuota("/app", "count=-1,bytes=-1=;byteHardLimit=-1;countHardLimit=3");
        assertEquals("count=2,bytes=7", stats("/app"), "creating the stats node counts the subtree");
        txns.create("/app/b", "yyy");
        assertEquals("count=3,bytes=10", stats("/app"));
        txns.setData("/app/a", "");
        assertEquals("count=3,bytes=8", stats("/app"));
        txns.delete("/app/b");
        assertEquals("count=2,bytes=5", stats("/app"));
        txns.create("/other", "zzz");
        assertEquals("count=2,bytes=5", stats("/app"), "outside the quota path nothing is counted");
        assertEquals(0, tree.stat("/zookeeper/quota/app/zookeeper_stats").version(), "stats change silently");
    }

    @Test
    void hardCountLimitRejectsAndSoftLimitOnlyWarns() {
        txns.create("/hard", "");
        setQuota("/hard", "count=-1,bytes=-1=;byteHardLimit=-1;countHardLimit=2");
        txns.create("/hard/a", "");
        assertEquals(ErrorCode.QUOTAEXCEEDED, quotaCheck.checkCreate("/hard/b", null), "3 nodes > 2");
        assertEquals(ErrorCode.OK, quotaCheck.checkSetData("/hard/a", null, Txns.bytes("x")),
                "no byte limit set");
        txns.create("/soft", "");
        setQuota("/soft", "count=1,bytes=-1");
        assertEquals(ErrorCode.OK, quotaCheck.checkCreate("/soft/a", null), "over the soft count: warning only");
        assertEquals(ErrorCode.OK, quotaCheck.checkCreate("/free/a", null), "no quota");
        assertEquals(Map.of("hard", 1L), exceeded, "only refusals count, per top namespace");
    }

    @Test
    void quotaGaugesSumLimitsAndUsagePerTopNamespace() {
        txns.create("/app", "");
        txns.create("/app/one", "");
        txns.create("/zookeeper/quota/app", "");
        setQuota("/app/one", "count=-1,bytes=-1=;byteHardLimit=100;countHardLimit=5");
        txns.create("/app/two", "");
        setQuota("/app/two", "count=3,bytes=50");
        txns.create("/app/one/a", "12345");
        txns.create("/other", "xy");
        setQuota("/other", "count=7,bytes=-1");
        assertEquals(Map.of("app", 8L, "other", 7L), QuotaGauges.read(tree, QuotaGauges.Figure.COUNT_LIMIT),
                "hard limits where set (5), else soft (3)");
        assertEquals(Map.of("app", 150L, "other", -1L), QuotaGauges.read(tree, QuotaGauges.Figure.BYTES_LIMIT));
        // A stat node counts its quota path's subtree, itself included: /app/one and /app/one/a, /app/two, /other.
        assertEquals(Map.of("app", 3L, "other", 1L), QuotaGauges.read(tree, QuotaGauges.Figure.COUNT_USAGE));
        assertEquals(Map.of("app", 5L, "other", 2L), QuotaGauges.read(tree, QuotaGauges.Figure.BYTES_USAGE));
        assertEquals(Map.of(), QuotaGauges.read(new DataTree(), QuotaGauges.Figure.COUNT_USAGE), "no quota");
    }

    @Test
    void hardByteLimitCountsTheDifference() {
        txns.create("/b", "1234");
        setQuota("/b", "count=-1,bytes=-1=;byteHardLimit=10");
        assertEquals(ErrorCode.OK, quotaCheck.checkSetData("/b", Txns.bytes("1234"), new byte[10]));
        assertEquals(ErrorCode.QUOTAEXCEEDED, quotaCheck.checkSetData("/b", Txns.bytes("1234"), new byte[11]));
        assertEquals(ErrorCode.QUOTAEXCEEDED, quotaCheck.checkCreate("/b/c", new byte[7]));
    }

    @Test
    void deletingTheLimitNodeDropsTheQuota() {
        txns.create("/q", "");
        setQuota("/q", "count=-1,bytes=-1=;countHardLimit=1");
        txns.delete("/zookeeper/quota/q/zookeeper_limits");
        assertEquals(ErrorCode.OK, quotaCheck.checkCreate("/q/x", null));
        txns.create("/q/x", "");
        assertEquals("count=1,bytes=0", stats("/q"), "no longer counted");
    }

    @Test
    void quotaStatsTextKeepsExtraKeysSorted() {
        QuotaStats stats = QuotaStats.parse(Txns.bytes("count=1,bytes=2=;countHardLimit=5;byteHardLimit=9"));
        assertEquals(5, stats.get(QuotaStats.COUNT_HARD_LIMIT));
        stats.set(QuotaStats.COUNT, 4);
        assertEquals("count=4,bytes=2=;byteHardLimit=9;countHardLimit=5", stats.toString());
        assertEquals(-1, QuotaStats.parse(Txns.bytes("count=,bytes=x")).get(QuotaStats.COUNT), "garbage skipped");
    }

    @Test
    void aclCacheCountsReferences() {
        long before = tree.aclCacheSize();
        txns.apply(OpCode.CREATE, new CreateTxn("/a", null, Ids.CREATOR_ALL_ACL, false, 1));
        txns.apply(OpCode.CREATE, new CreateTxn("/b", null, Ids.CREATOR_ALL_ACL, false, 2));
        long index = tree.node("/a").aclIndex();
        assertEquals(index, tree.node("/b").aclIndex(), "one entry for equal lists");
        assertEquals(2, tree.aclCache.usageCount(index));
        txns.delete("/a");
        assertEquals(before + 1, tree.aclCacheSize());
        txns.apply(OpCode.SET_ACL, new SetACLTxn("/b", Ids.OPEN_ACL_UNSAFE, 1));
        assertEquals(before + 1, tree.aclCacheSize(), "CREATOR_ALL gone, OPEN_ACL_UNSAFE list added");
        assertEquals(0, tree.aclCache.usageCount(index));
        txns.apply(OpCode.CREATE, new CreateTxn("/c", null, Ids.CREATOR_ALL_ACL, false, 3));
        assertEquals(index + 2, tree.node("/c").aclIndex(), "indexes are never reused");
    }

    @Test
    void nullAclIsTheUncountedOpenMarker() {
        AclCache cache = new AclCache();
        assertEquals(AclCache.OPEN_UNSAFE_ACL_ID, cache.convertAcls(null));
        assertEquals(Ids.OPEN_ACL_UNSAFE, cache.convertLong(-1));
        assertEquals(0, cache.size());
        long open = cache.convertAcls(Ids.OPEN_ACL_UNSAFE);
        assertEquals(1, open, "a real OPEN_ACL_UNSAFE list gets a normal index");
        cache.removeUsage(open);
        assertThrows(IllegalStateException.class, () -> cache.convertLong(open));
    }
}
