package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Apache's leader.maxConcurrentSnapSyncs and leader.maxConcurrentDiffSyncs, on a leader's core. */
class SyncThrottleTest {

    private static final long EPOCH_3 = EstablishedLeaders.EPOCH_3;
    private static final long LAST_ZXID = Zxids.of(2, 3);

    /** A leader of {1, 2, 3} at 2:3 with an empty window, established with follower 2, under the given limits. */
    private static LeaderCore establishedLeader(SyncThrottle throttle) {
        LeaderCore core = new LeaderCore(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 10, 4, 2, 2, LAST_ZXID,
                new CommittedWindow(100));
        core.limitSyncs(throttle);
        return EstablishedLeaders.establish(core, LAST_ZXID);
    }

    /** A learner connecting to the established leader: its ACKEPOCH's outputs. */
    private static List<LeaderOutput> join(LeaderCore core, long sid, LearnerRole role, long lastZxid) {
        core.learnerInfo(sid, role, 3);
        return core.ackEpoch(sid, 3, lastZxid);
    }

    private static boolean sentSnapshot(List<LeaderOutput> outputs, long sid) {
        return outputs.contains(new LeaderOutput.SendSnapshot(sid, LAST_ZXID));
    }

    @Test
    void anObserverOverTheSnapshotLimitIsDroppedAndSyncsOnceASlotIsFree() {
        LeaderCore core = establishedLeader(new SyncThrottle(1, 100));
        assertTrue(sentSnapshot(join(core, 4, LearnerRole.OBSERVER, 0), 4));

        List<LeaderOutput> refused = join(core, 5, LearnerRole.OBSERVER, 0);
        LeaderOutput.CloseLearner close = assertInstanceOf(LeaderOutput.CloseLearner.class, refused.get(0));
        assertEquals(5, close.sid());
        assertEquals("too many concurrent snapshot syncs: 1 in progress, leader.maxConcurrentSnapSyncs=1; the"
                + " observer syncs when it reconnects", close.reason());
        assertEquals(1, refused.size(), "nothing is sent to a refused observer: " + refused);
        core.learnerLost(5);

        // Followers keep the quorum up to date: never refused, but counted.
        assertTrue(sentSnapshot(join(core, 3, LearnerRole.FOLLOWER, 0), 3));
        core.ack(4, EPOCH_3);
        assertInstanceOf(LeaderOutput.CloseLearner.class, join(core, 5, LearnerRole.OBSERVER, 0).get(0),
                "follower 3's snapshot sync still takes the one slot");
        core.learnerLost(5);
        core.learnerLost(3);
        assertTrue(sentSnapshot(join(core, 5, LearnerRole.OBSERVER, 0), 5), "a lost learner frees its slot");
    }

    @Test
    void diffSyncsHaveTheirOwnLimit() {
        LeaderCore core = establishedLeader(new SyncThrottle(1, 1));
        assertTrue(sentSnapshot(join(core, 4, LearnerRole.OBSERVER, 0), 4));
        List<LeaderOutput> level = join(core, 5, LearnerRole.OBSERVER, LAST_ZXID);
        assertEquals(new LeaderOutput.Send(5, ZabPacketType.DIFF, LAST_ZXID, null), level.get(0),
                "a snapshot sync in progress does not hold up a DIFF");
        LeaderOutput.CloseLearner close = assertInstanceOf(LeaderOutput.CloseLearner.class,
                join(core, 6, LearnerRole.OBSERVER, LAST_ZXID).get(0));
        assertEquals("too many concurrent diff syncs: 1 in progress, leader.maxConcurrentDiffSyncs=1; the observer"
                + " syncs when it reconnects", close.reason());
        core.learnerLost(6);
        core.ack(5, EPOCH_3);
        assertEquals(new LeaderOutput.Send(6, ZabPacketType.DIFF, LAST_ZXID, null),
                join(core, 6, LearnerRole.OBSERVER, LAST_ZXID).get(0), "a NEWLEADER ack ends the sync");
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SyncThrottle(0, 1));
    }
}
