package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeaderCoreTest {

    private static final long EPOCH_3 = Zxids.of(3, 0);

    private LeaderCore leader(long acceptedEpoch, long currentEpoch, long lastZxid, CommittedWindow window) {
        return new LeaderCore(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 10, 4, acceptedEpoch, currentEpoch,
                lastZxid, window);
    }

    private static CommittedWindow window(long... zxids) {
        CommittedWindow window = new CommittedWindow(100);
        for (long zxid : zxids) {
            window.add(zxid, new byte[] {(byte) zxid});
        }
        return window;
    }

    @Test
    void newEpochIsOnePastTheHighestAcceptedEpochOfAQuorum() {
        LeaderCore core = leader(1, 1, Zxids.of(1, 5), window());
        assertTrue(core.start().isEmpty(), "one server of three is no quorum");
        List<LeaderOutput> outputs = core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        assertEquals(new LeaderOutput.AcceptEpoch(3), outputs.get(0));
        LeaderOutput.Send info = assertInstanceOf(LeaderOutput.Send.class, outputs.get(1));
        assertEquals(ZabPacketType.LEADERINFO, info.type());
        assertEquals(EPOCH_3, info.zxid());
        assertEquals(LeaderCore.PROTOCOL_VERSION, ByteBuffer.wrap(info.payload()).getInt());
        // A learner arriving after the decision gets LEADERINFO at once, with the same epoch.
        LeaderOutput.Send late = assertInstanceOf(LeaderOutput.Send.class,
                core.learnerInfo(3, LearnerRole.FOLLOWER, 0).get(0));
        assertEquals(EPOCH_3, late.zxid());
    }

    @Test
    void observersDoNotCountTowardsTheEpochQuorum() {
        LeaderCore core = leader(1, 1, 0, window());
        assertTrue(core.learnerInfo(4, LearnerRole.OBSERVER, 7).isEmpty());
        List<LeaderOutput> outputs = core.learnerInfo(2, LearnerRole.FOLLOWER, 1);
        assertEquals(new LeaderOutput.AcceptEpoch(8), outputs.get(0), "the observer's epoch still counts");
        assertEquals(Set.of(2L, 4L), sendsOf(outputs, ZabPacketType.LEADERINFO));
    }

    @Test
    void aQuorumOfEpochAcksSyncsLearnersAndNewLeaderAcksStartServing() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 3), window(Zxids.of(2, 1), Zxids.of(2, 2), Zxids.of(2, 3)));
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        List<LeaderOutput> synced = core.ackEpoch(2, 2, Zxids.of(2, 1));
        assertEquals(new LeaderOutput.SetCurrentEpoch(3), synced.get(0));
        assertEquals(new LeaderOutput.Send(2, ZabPacketType.DIFF, Zxids.of(2, 3), null), synced.get(1));
        List<ZabPacketType> types = synced.stream().filter(LeaderOutput.Send.class::isInstance)
                .map(o -> ((LeaderOutput.Send) o).type()).toList();
        assertEquals(List.of(ZabPacketType.DIFF, ZabPacketType.PROPOSAL, ZabPacketType.COMMIT,
                ZabPacketType.PROPOSAL, ZabPacketType.COMMIT, ZabPacketType.NEWLEADER), types);
        assertFalse(core.isBroadcasting());
        List<LeaderOutput> established = core.ack(2, EPOCH_3);
        assertEquals(new LeaderOutput.StartServing(EPOCH_3), established.get(0));
        assertEquals(new LeaderOutput.Send(2, ZabPacketType.UPTODATE, 0, null), established.get(1));
        assertTrue(core.isBroadcasting());
        assertTrue(core.ack(2, EPOCH_3).isEmpty(), "the ack of UPTODATE needs no answer");
    }

    /** Simulation seed 16262: a follower dropped for being ahead came back, and its log was truncated. */
    @Test
    void aFollowerThatAcceptedTheEpochBeforeDoesNotCountTowardsTheEpochQuorum() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 3), window());
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        assertInstanceOf(LeaderOutput.CloseLearner.class, core.ackEpoch(2, 2, Zxids.of(2, 9)).get(0));
        core.learnerLost(2);
        core.learnerInfo(2, LearnerRole.FOLLOWER, 3);
        List<LeaderOutput> again = core.ackEpoch(2, -1, Zxids.of(2, 9));
        assertFalse(again.contains(new LeaderOutput.SetCurrentEpoch(3)), "the epoch was acked by " + again);
        assertTrue(sendsOf(again, ZabPacketType.TRUNC).isEmpty(), "the follower ahead was truncated: " + again);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        assertEquals(new LeaderOutput.SetCurrentEpoch(3), core.ackEpoch(3, 2, Zxids.of(2, 3)).get(0),
                "a follower with its current epoch counts");
    }

    @Test
    void aLearnerAheadOfTheLeaderIsDropped() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 3), window());
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        LeaderOutput output = core.ackEpoch(2, 2, Zxids.of(2, 9)).get(0);
        assertInstanceOf(LeaderOutput.CloseLearner.class, output);
    }

    @Test
    void aLearnerAheadOfTheLeaderAfterTheEpochQuorumIsTruncatedNotDropped() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 3), window(Zxids.of(2, 1), Zxids.of(2, 2), Zxids.of(2, 3)));
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(2, 2, Zxids.of(2, 3)); // with the leader, a quorum of three has acked the epoch
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        // The old leader, back from a one-way partition with proposals nobody else logged.
        List<LeaderOutput> late = core.ackEpoch(3, 2, Zxids.of(2, 9));
        assertTrue(late.stream().noneMatch(LeaderOutput.CloseLearner.class::isInstance), late.toString());
        assertTrue(late.contains(new LeaderOutput.Send(3, ZabPacketType.TRUNC, Zxids.of(2, 3), null)), late.toString());
    }

    @Test
    void aFollowerBehindTheWindowGetsASnapshotAndOneWithExtraTransactionsIsTruncated() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 9), window(Zxids.of(2, 8), Zxids.of(2, 9)));
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(2, 2, Zxids.of(2, 9));
        List<LeaderOutput> behind = core.ackEpoch(3, 1, Zxids.of(1, 4));
        assertEquals(new LeaderOutput.SendSnapshot(3, Zxids.of(2, 9)), behind.get(0));

        LeaderCore other = leader(2, 2, Zxids.of(2, 9), window(Zxids.of(2, 8), Zxids.of(2, 9)));
        other.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        // Its current epoch is older, yet it logged (2, 12), which this leader never committed: an old leader's tail.
        List<LeaderOutput> ahead = other.ackEpoch(2, 1, Zxids.of(2, 12));
        assertTrue(ahead.contains(new LeaderOutput.Send(2, ZabPacketType.TRUNC, Zxids.of(2, 9), null)), ahead.toString());
    }

    @Test
    void aProposalCommitsOnAQuorumOfAcksAndSyncWaitsForIt() {
        LeaderCore core = established();
        long zxid = Zxids.of(3, 1);
        List<LeaderOutput> proposed = core.propose(zxid, new byte[] {42});
        assertEquals(Set.of(2L), sendsOf(proposed, ZabPacketType.PROPOSAL));
        assertTrue(core.syncRequest(2).isEmpty(), "a sync waits for the proposal before it");
        assertTrue(core.localLogged(zxid).isEmpty(), "the leader alone is no quorum");
        List<LeaderOutput> committed = core.ack(2, zxid);
        assertTrue(committed.contains(new LeaderOutput.Commit(zxid, new byte[] {42})) || committed.stream()
                .anyMatch(o -> o instanceof LeaderOutput.Commit c && c.zxid() == zxid));
        assertTrue(committed.contains(new LeaderOutput.SyncReady(2)));
        assertEquals(Set.of(2L), sendsOf(committed, ZabPacketType.COMMIT));
    }

    /** Simulation seed 52593: a sync from a broken connection was answered on the next one, and a read went stale. */
    @Test
    void aSyncOfALostConnectionIsNeverAnswered() {
        LeaderCore core = established();
        long zxid = Zxids.of(3, 1);
        core.propose(zxid, new byte[] {42});
        assertTrue(core.syncRequest(2).isEmpty(), "a sync waits for the proposal before it");
        assertTrue(core.ack(2, zxid).isEmpty(), "the leader's own log write still counts");
        core.learnerLost(2);
        List<LeaderOutput> committed = core.localLogged(zxid);
        assertTrue(committed.stream().anyMatch(o -> o instanceof LeaderOutput.Commit c && c.zxid() == zxid),
                "the ack sent before the connection broke still counts: " + committed);
        assertFalse(committed.contains(new LeaderOutput.SyncReady(2)), "the lost connection's sync was answered");
    }

    @Test
    void theLeaderGivesUpWhenItHearsFromNoQuorumWithinSyncLimit() {
        LeaderCore core = established();
        boolean gaveUp = false;
        for (int i = 0; i < 6 && !gaveUp; i++) {
            gaveUp = core.tick().stream().anyMatch(LeaderOutput.GiveUp.class::isInstance);
        }
        assertTrue(gaveUp, "follower 2 was silent for more than syncLimit ticks");
        assertTrue(core.isStopped());
    }

    @Test
    void discoveryThatNeverReachesAQuorumEndsAfterInitLimit() {
        LeaderCore core = leader(1, 1, 0, window());
        List<LeaderOutput> last = List.of();
        for (int i = 0; i < 11; i++) {
            last = core.tick();
        }
        LeaderOutput.GiveUp giveUp = assertInstanceOf(LeaderOutput.GiveUp.class, last.get(0));
        assertTrue(giveUp.reason().contains("FOLLOWERINFO"), giveUp.reason());
    }

    private LeaderCore established() {
        LeaderCore core = leader(2, 2, Zxids.of(2, 0), window());
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(2, 2, Zxids.of(2, 0));
        core.ack(2, EPOCH_3);
        assertTrue(core.isBroadcasting());
        return core;
    }

    private static Set<Long> sendsOf(List<LeaderOutput> outputs, ZabPacketType type) {
        return outputs.stream().filter(LeaderOutput.Send.class::isInstance).map(LeaderOutput.Send.class::cast)
                .filter(s -> s.type() == type).map(LeaderOutput.Send::toSid).collect(Collectors.toSet());
    }
}
