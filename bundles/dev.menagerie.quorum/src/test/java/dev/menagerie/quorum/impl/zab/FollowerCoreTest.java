package dev.menagerie.quorum.impl.zab;

import static dev.menagerie.quorum.impl.zab.ZabPacketType.COMMIT;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.DIFF;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.FOLLOWERINFO;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.INFORM;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.LEADERINFO;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.NEWLEADER;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.PING;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.PROPOSAL;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.SNAP;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.TRUNC;
import static dev.menagerie.quorum.impl.zab.ZabPacketType.UPTODATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.quorum.impl.zab.FollowerOutput.LeaderLost;
import dev.menagerie.quorum.impl.zab.FollowerOutput.LoadSnapshotFromLeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of the learner's sync and broadcast phases; outputs are compared in the order they come. */
class FollowerCoreTest {

    private static final long OLD1 = Zxids.of(1, 1);
    private static final long OLD2 = Zxids.of(1, 2);
    private static final long NEW_EPOCH = Zxids.of(2, 0);
    private static final long Z1 = Zxids.of(2, 1);
    private static final long Z2 = Zxids.of(2, 2);
    private static final long Z3 = Zxids.of(2, 3);
    private static final byte[] TXN = {4, 2};

    private static final long MY_ID = 2;

    private final FollowerCore follower = registered(LearnerRole.FOLLOWER, 10, 2);
    private final FollowerCore observer = registered(LearnerRole.OBSERVER, 10, 2);

    /**
     * A learner that accepted epoch 1 and holds OLD2, registered with the leader of epoch 2: the sync comes next.
     * The registration outputs themselves are checked by the discovery tests below.
     */
    static FollowerCore registered(LearnerRole role, int initLimitTicks, int syncLimitTicks) {
        FollowerCore core = new FollowerCore(MY_ID, role, initLimitTicks, syncLimitTicks, 1, 1, OLD2);
        core.start();
        core.receive(LEADERINFO, NEW_EPOCH, null);
        return core;
    }

    // ---- discovery ----

    @Test
    void aFollowerStartsWithFollowerInfoCarryingItsAcceptedEpochAndId() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 10, 2, 3, 2, OLD2);
        FollowerOutput.Send info = (FollowerOutput.Send) fresh.start().get(0);
        assertEquals(FOLLOWERINFO, info.type());
        assertEquals(Zxids.of(3, 0), info.zxid());
        assertArrayEquals(LearnerRegistration.infoPayload(MY_ID), info.payload());
        FollowerCore observing = new FollowerCore(MY_ID, LearnerRole.OBSERVER, 10, 2, 3, 2, OLD2);
        assertEquals(List.of("Send OBSERVERINFO " + Zxids.of(3, 0)), show(observing.start()));
    }

    @Test
    void aNewerEpochIsAcceptedOnDiskBeforeAckEpochCarriesTheCurrentEpochAndLastZxid() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 10, 2, 1, 1, OLD2);
        fresh.start();
        List<FollowerOutput> outputs = fresh.receive(LEADERINFO, Zxids.of(4, 0), null);
        assertEquals(List.of("AcceptEpoch 4", "Send ACKEPOCH " + OLD2), show(outputs));
        assertEquals(1, LearnerRegistration.ackedCurrentEpoch(((FollowerOutput.Send) outputs.get(1)).payload()));
        assertEquals(4, fresh.leaderEpoch());
    }

    @Test
    void anEpochAcceptedBeforeIsNotWrittenAgainAndAckedWithMinusOne() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 10, 2, 4, 1, OLD2);
        fresh.start();
        List<FollowerOutput> outputs = fresh.receive(LEADERINFO, Zxids.of(4, 0), null);
        assertEquals(List.of("Send ACKEPOCH " + OLD2), show(outputs));
        assertEquals(-1, LearnerRegistration.ackedCurrentEpoch(((FollowerOutput.Send) outputs.get(0)).payload()));
    }

    @Test
    void aLeaderOfAnOlderEpochThanTheAcceptedOneIsRefused() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 10, 2, 5, 4, OLD2);
        fresh.start();
        List<FollowerOutput> outputs = fresh.receive(LEADERINFO, Zxids.of(4, 0), null);
        assertTrue(outputs.get(0) instanceof LeaderLost lost && lost.reason().contains("less than our accepted"),
                show(outputs).toString());
        assertTrue(fresh.isStopped());
    }

    @Test
    void anythingButLeaderInfoDuringDiscoveryLosesTheLeader() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 10, 2, 1, 1, OLD2);
        fresh.start();
        List<FollowerOutput> outputs = fresh.receive(DIFF, OLD2, null);
        assertTrue(outputs.get(0) instanceof LeaderLost lost && lost.reason().contains("expected LEADERINFO"));
    }

    @Test
    void aLeaderSilentDuringDiscoveryForInitLimitTicksIsLost() {
        FollowerCore fresh = new FollowerCore(MY_ID, LearnerRole.FOLLOWER, 3, 2, 1, 1, OLD2);
        fresh.start();
        for (int tick = 0; tick < 3; tick++) {
            assertEquals(List.of(), fresh.tick(), "tick " + tick);
        }
        assertTrue(fresh.tick().get(0) instanceof LeaderLost);
    }

    // ---- sync and broadcast ----

    @Test
    void theSyncMustStartWithDiffSnapOrTrunc() {
        List<FollowerOutput> outputs = follower.receive(PROPOSAL, Z1, TXN);
        assertTrue(outputs.get(0) instanceof LeaderLost lost && lost.reason().contains("DIFF, SNAP or TRUNC"));
        assertTrue(follower.isStopped());
    }

    @Test
    void snapLoadsTheLeadersSnapshot() {
        List<FollowerOutput> outputs = follower.receive(SNAP, OLD2, TXN);
        LoadSnapshotFromLeader load = (LoadSnapshotFromLeader) outputs.get(0);
        assertEquals(OLD2, load.zxid());
        assertArrayEquals(TXN, load.snapshot());
    }

    @Test
    void snapIsPersistedBeforeAnyProposalOfTheSyncReachesTheLog() {
        assertEquals(List.of("LoadSnapshotFromLeader " + OLD2, "TakeSnapshot"),
                show(follower.receive(SNAP, OLD2, TXN)));
        assertEquals(List.of("AppendToLog " + Zxids.of(1, 3)), show(follower.receive(PROPOSAL, Zxids.of(1, 3), TXN)));
        follower.logged(Zxids.of(1, 3));
        assertEquals(List.of("SetCurrentEpoch 2", "SendAck " + NEW_EPOCH, "SendAck " + Zxids.of(1, 3)),
                show(follower.receive(NEWLEADER, NEW_EPOCH, null)), "no second snapshot of the same state");
    }

    @Test
    void truncTruncatesTheLogAndSnapshotsBeforeAckingNewLeader() {
        assertEquals(List.of("TruncateLog " + OLD1), show(follower.receive(TRUNC, OLD1, null)));
        assertEquals(List.of("TakeSnapshot", "SetCurrentEpoch 2", "SendAck " + NEW_EPOCH),
                show(follower.receive(NEWLEADER, NEW_EPOCH, null)));
    }

    @Test
    void proposalsAfterDiffAreLoggedAndAppliedOnlyOnceLogged() {
        follower.receive(DIFF, OLD2, null);
        assertEquals(List.of("AppendToLog " + OLD1), show(follower.receive(PROPOSAL, OLD1, TXN)));
        assertEquals(List.of(), show(follower.receive(COMMIT, OLD1, null)), "committed but not yet logged");
        assertEquals(List.of("Apply " + OLD1), show(follower.logged(OLD1)), "the ack waits for NEWLEADER's");
    }

    @Test
    void newLeaderIsAckedOnlyAfterEverythingReceivedDuringSyncIsLogged() {
        follower.receive(DIFF, OLD2, null);
        follower.receive(PROPOSAL, OLD1, TXN);
        follower.receive(PROPOSAL, OLD2, TXN);
        assertEquals(List.of(), show(follower.receive(NEWLEADER, NEW_EPOCH, null)));
        assertEquals(List.of(), show(follower.logged(OLD2)));
        assertEquals(List.of("SetCurrentEpoch 2", "SendAck " + NEW_EPOCH, "SendAck " + OLD1, "SendAck " + OLD2),
                show(follower.logged(OLD1)), "NEWLEADER's ACK comes first, then the held proposal acks");
    }

    @Test
    void proposalsAfterNewLeaderDoNotDelayItsAckButTheirAcksFollowIt() {
        follower.receive(DIFF, OLD2, null);
        follower.receive(PROPOSAL, OLD1, TXN);
        follower.receive(NEWLEADER, NEW_EPOCH, null);
        follower.receive(PROPOSAL, Z1, TXN);
        assertEquals(List.of(), show(follower.logged(Z1)), "NEWLEADER's ACK is not out yet");
        assertEquals(List.of("SetCurrentEpoch 2", "SendAck " + NEW_EPOCH, "SendAck " + OLD1, "SendAck " + Z1),
                show(follower.logged(OLD1)));
    }

    @Test
    void upToDateStartsServingAndAcksTheEpochStart() {
        syncedFollower();
        assertEquals(List.of("SendAck " + NEW_EPOCH, "StartServing 2"), show(follower.receive(UPTODATE, 0, null)));
        assertTrue(follower.isServing());
    }

    @Test
    void upToDateBeforeNewLeaderWasAckedIsAProtocolError() {
        follower.receive(DIFF, OLD2, null);
        follower.receive(PROPOSAL, OLD1, TXN);
        follower.receive(NEWLEADER, NEW_EPOCH, null);
        List<FollowerOutput> outputs = follower.receive(UPTODATE, 0, null);
        assertTrue(outputs.get(0) instanceof LeaderLost);
        assertFalse(follower.isServing());
    }

    @Test
    void eachLoggedProposalIsAckedOnce() {
        servingFollower();
        assertEquals(List.of("AppendToLog " + Z1), show(follower.receive(PROPOSAL, Z1, TXN)));
        assertEquals(List.of("SendAck " + Z1), show(follower.logged(Z1)));
        assertEquals(List.of(), show(follower.logged(Z1)), "a repeated log report sends no second ack");
    }

    @Test
    void aCommitForAProposalNotYetLoggedWaitsForTheLogWrite() {
        servingFollower();
        follower.receive(PROPOSAL, Z1, TXN);
        assertEquals(List.of(), show(follower.receive(COMMIT, Z1, null)));
        List<FollowerOutput> outputs = follower.logged(Z1);
        assertEquals(List.of("SendAck " + Z1, "Apply " + Z1), show(outputs));
        assertArrayEquals(TXN, ((FollowerOutput.Apply) outputs.get(1)).txn());
    }

    @Test
    void appliesFollowZxidOrderWhenLogWritesCompleteOutOfOrder() {
        servingFollower();
        follower.receive(PROPOSAL, Z1, TXN);
        follower.receive(PROPOSAL, Z2, TXN);
        follower.receive(COMMIT, Z1, null);
        follower.receive(COMMIT, Z2, null);
        assertEquals(List.of("SendAck " + Z2), show(follower.logged(Z2)), "Z2 may not be applied before Z1");
        assertEquals(List.of("SendAck " + Z1, "Apply " + Z1, "Apply " + Z2), show(follower.logged(Z1)));
    }

    @Test
    void aCommitOfAZxidThatIsNotTheNextPendingProposalLosesTheLeader() {
        servingFollower();
        follower.receive(PROPOSAL, Z1, TXN);
        follower.receive(PROPOSAL, Z2, TXN);
        List<FollowerOutput> outputs = follower.receive(COMMIT, Z2, null);
        assertEquals(List.of("LeaderLost Committing zxid 0x" + Long.toHexString(Z2) + " but next pending txn 0x"
                + Long.toHexString(Z1)), show(outputs));
        assertEquals(List.of(), follower.logged(Z1), "a stopped core ignores its inputs");
    }

    @Test
    void aCommitWithNoProposalPendingIsIgnoredAsApacheDoes() {
        servingFollower();
        assertEquals(List.of(), follower.receive(COMMIT, Z1, null));
        assertTrue(follower.isServing());
    }

    @Test
    void proposalZxidsMustIncrease() {
        servingFollower();
        follower.receive(PROPOSAL, Z2, TXN);
        assertTrue(follower.receive(PROPOSAL, Z1, TXN).get(0) instanceof LeaderLost);
    }

    @Test
    void observersLearnThroughInformAndNeverAckIt() {
        observer.receive(DIFF, OLD2, null);
        observer.receive(NEWLEADER, NEW_EPOCH, null);
        observer.receive(UPTODATE, 0, null);
        assertEquals(List.of("AppendToLog " + Z1), show(observer.receive(INFORM, Z1, TXN)));
        assertEquals(List.of("Apply " + Z1), show(observer.logged(Z1)));
        assertEquals(List.of(), show(observer.receive(PROPOSAL, Z2, TXN)), "observers ignore proposals");
    }

    @Test
    void observersApplyTheCommittedHistoryOfTheSyncWithoutAckingIt() {
        observer.receive(DIFF, OLD2, null);
        observer.receive(PROPOSAL, OLD1, TXN);
        observer.receive(COMMIT, OLD1, null);
        assertEquals(List.of("Apply " + OLD1), show(observer.logged(OLD1)));
        assertEquals(List.of("SetCurrentEpoch 2", "SendAck " + NEW_EPOCH), show(observer.receive(NEWLEADER, NEW_EPOCH,
                null)), "observers still take part in the NEWLEADER handshake");
    }

    @Test
    void followersIgnoreInform() {
        servingFollower();
        assertEquals(List.of(), follower.receive(INFORM, Z1, TXN));
    }

    @Test
    void pingIsAnsweredWhileServingButNotDuringSync() {
        follower.receive(DIFF, OLD2, null);
        assertEquals(List.of(), show(follower.receive(PING, OLD2, null)));
        follower.receive(NEWLEADER, NEW_EPOCH, null);
        follower.receive(UPTODATE, 0, null);
        assertEquals(List.of("SendPingReply " + Z3), show(follower.receive(PING, Z3, null)));
    }

    @Test
    void aLeaderSilentForMoreThanSyncLimitTicksIsLost() {
        servingFollower();
        assertEquals(List.of(), follower.tick());
        assertEquals(List.of(), follower.tick());
        follower.receive(PING, Z1, null);
        assertEquals(List.of(), follower.tick(), "a packet restarts the count");
        assertEquals(List.of(), follower.tick());
        List<FollowerOutput> outputs = follower.tick();
        assertTrue(outputs.get(0) instanceof LeaderLost lost && lost.reason().contains("3 ticks"));
        assertTrue(follower.isStopped());
    }

    @Test
    void beforeNewLeaderTheLeaderMayBeSilentForInitLimitTicks() {
        follower.receive(DIFF, OLD2, null);
        for (int tick = 0; tick < 10; tick++) {
            assertEquals(List.of(), follower.tick(), "tick " + tick);
        }
        assertTrue(follower.tick().get(0) instanceof LeaderLost);
    }

    private void syncedFollower() {
        follower.receive(DIFF, OLD2, null);
        follower.receive(NEWLEADER, NEW_EPOCH, null);
    }

    private void servingFollower() {
        syncedFollower();
        follower.receive(UPTODATE, 0, null);
    }

    /** Outputs as short strings, so a failure shows the whole batch. */
    static List<String> show(List<FollowerOutput> outputs) {
        return outputs.stream().map(FollowerCoreTest::show).toList();
    }

    private static String show(FollowerOutput output) {
        if (output instanceof FollowerOutput.AppendToLog append) {
            return "AppendToLog " + append.zxid();
        } else if (output instanceof FollowerOutput.LoadSnapshotFromLeader load) {
            return "LoadSnapshotFromLeader " + load.zxid();
        } else if (output instanceof FollowerOutput.Apply apply) {
            return "Apply " + apply.zxid();
        } else if (output instanceof FollowerOutput.TruncateLog truncate) {
            return "TruncateLog " + truncate.zxid();
        } else if (output instanceof FollowerOutput.AcceptEpoch accept) {
            return "AcceptEpoch " + accept.epoch();
        } else if (output instanceof FollowerOutput.SetCurrentEpoch current) {
            return "SetCurrentEpoch " + current.epoch();
        } else if (output instanceof FollowerOutput.Send send) {
            return "Send " + send.type() + " " + send.zxid();
        } else if (output instanceof FollowerOutput.StartServing start) {
            return "StartServing " + start.epoch();
        } else if (output instanceof FollowerOutput.SendAck ack) {
            return "SendAck " + ack.zxid();
        } else if (output instanceof FollowerOutput.SendPingReply ping) {
            return "SendPingReply " + ping.zxid();
        } else if (output instanceof FollowerOutput.LeaderLost lost) {
            return "LeaderLost " + lost.reason();
        }
        return output.getClass().getSimpleName();
    }
}
