package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leader's half of a leadership transfer, step by step: hold, catch up, hand over, step down; or refuse. */
class LeadershipTransferCoreTest {

    private static final long EPOCH_3 = Zxids.of(3, 0);
    private static final long FIRST = Zxids.of(3, 1);
    private static final int SYNC_LIMIT_TICKS = 4;

    /** Leader 1 of voters {1, 2, 3} and observer 4, all in sync, broadcasting epoch 3. */
    private static LeaderCore broadcasting() {
        LeaderCore core = new LeaderCore(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 10, SYNC_LIMIT_TICKS, 2, 2,
                Zxids.of(2, 3), new CommittedWindow(100));
        for (long sid = 2; sid <= 4; sid++) {
            core.learnerInfo(sid, sid == 4 ? LearnerRole.OBSERVER : LearnerRole.FOLLOWER, 2);
        }
        for (long sid = 2; sid <= 4; sid++) {
            core.ackEpoch(sid, 2, Zxids.of(2, 3));
        }
        for (long sid = 2; sid <= 4; sid++) {
            core.ack(sid, EPOCH_3);
        }
        assertTrue(core.isBroadcasting());
        return core;
    }

    /** One write committed by the leader and follower 3; follower 2 has not acked it yet. */
    private static void commitWithoutFollower2(LeaderCore core) {
        core.propose(FIRST, new byte[] {1});
        core.localLogged(FIRST);
        assertTrue(core.ack(3, FIRST).stream().anyMatch(LeaderOutput.Commit.class::isInstance));
    }

    /** A transfer to follower 2 with requests held, 2 not having logged the last proposal. */
    private static LeaderCore heldWithFollower2Behind() {
        LeaderCore core = broadcasting();
        commitWithoutFollower2(core);
        core.transferTo(2);
        assertTrue(core.requestsHeld(FIRST, 0).isEmpty());
        return core;
    }

    @Test
    void theTargetAloneGetsTheHandoverProposalOnceCaughtUpAndItsAckEndsTheLeadership() throws Exception {
        LeaderCore core = broadcasting();
        commitWithoutFollower2(core);
        assertEquals(List.of(new LeaderOutput.HoldRequests(2)), core.transferTo(2));
        assertTrue(core.requestsHeld(FIRST, 1_000).isEmpty(), "follower 2 has not logged 0x" + Long.toHexString(FIRST));

        List<LeaderOutput> caughtUp = core.ack(2, FIRST);
        List<LeaderOutput.Send> proposals = caughtUp.stream().filter(LeaderOutput.Send.class::isInstance)
                .map(LeaderOutput.Send.class::cast).filter(send -> send.type() == ZabPacketType.PROPOSAL).toList();
        assertEquals(1, proposals.size(), caughtUp.toString());
        LeaderOutput.Send handover = proposals.get(0);
        assertEquals(2, handover.toSid(), "only the target gets it");
        assertEquals(FIRST + 1, handover.zxid());
        JuteReader reader = new JuteReader(ByteBuffer.wrap(handover.payload()), handover.payload().length);
        TxnHeader header = TxnHeader.read(reader);
        assertEquals(new TxnHeader(0, 0, FIRST + 1, 1_000, OpCode.ERROR), header);
        assertEquals(new ErrorTxn(0), ErrorTxn.read(reader));

        assertTrue(core.ack(3, FIRST + 1).isEmpty(), "another follower's ack of that zxid means nothing");
        LeaderOutput.SteppedDown down = assertInstanceOf(LeaderOutput.SteppedDown.class,
                core.ack(2, FIRST + 1).get(0));
        assertEquals(2, down.targetSid());
        assertTrue(down.confirmed());
        assertTrue(core.isStopped());
    }

    @Test
    void theHandoverWaitsForTheCommitOfEveryProposal() {
        LeaderCore core = broadcasting();
        core.propose(FIRST, new byte[] {1});
        core.transferTo(2);
        assertTrue(core.requestsHeld(FIRST, 0).isEmpty());
        assertTrue(core.ack(2, FIRST).stream().noneMatch(LeaderOutput.Send.class::isInstance),
                "the leader's own log write is still missing, so 0x" + Long.toHexString(FIRST) + " is not committed");
        List<LeaderOutput> committed = core.localLogged(FIRST);
        assertTrue(committed.stream().anyMatch(LeaderOutput.Commit.class::isInstance));
        assertTrue(committed.stream().anyMatch(output -> output instanceof LeaderOutput.Send send
                && send.type() == ZabPacketType.PROPOSAL && send.toSid() == 2 && send.zxid() == FIRST + 1),
                "the handover proposal goes once committed: " + committed);
    }

    /** The report of the hold runs before queued events, so it may overtake the last proposals it covers. */
    @Test
    void theHandoverWaitsForProposalsTheHoldReportOvertook() {
        LeaderCore core = broadcasting();
        core.transferTo(2);
        assertTrue(core.requestsHeld(FIRST, 0).isEmpty(), "0x" + Long.toHexString(FIRST) + " is not here yet");
        core.propose(FIRST, new byte[] {1});
        core.localLogged(FIRST);
        core.ack(3, FIRST);
        List<LeaderOutput> outputs = core.ack(2, FIRST);
        assertTrue(outputs.stream().anyMatch(output -> output instanceof LeaderOutput.Send send
                && send.type() == ZabPacketType.PROPOSAL && send.zxid() == FIRST + 1), outputs.toString());
    }

    @Test
    void transfersAreRefusedWithAReason() {
        LeaderCore notYet = new LeaderCore(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 10, SYNC_LIMIT_TICKS, 2, 2,
                0, new CommittedWindow(100));
        assertRefused(notYet.transferTo(2), "does not lead");

        LeaderCore core = broadcasting();
        assertRefused(core.transferTo(1), "leads already");
        assertRefused(core.transferTo(4), "observer");
        assertRefused(core.transferTo(9), "not a voting member");
        core.learnerLost(3);
        assertRefused(core.transferTo(3), "not connected");
        assertEquals(List.of(new LeaderOutput.HoldRequests(2)), core.transferTo(2));
        assertRefused(core.transferTo(2), "under way");
        assertEquals(2, core.transferTarget());
    }

    @Test
    void aTargetThatDoesNotCatchUpWithinSyncLimitIsGivenUpAndTheLeaderLeadsOn() {
        LeaderCore core = heldWithFollower2Behind();
        List<LeaderOutput> last = ticksPastSyncLimit(core); // follower 2 pings, but its log lags
        LeaderOutput.ReleaseRequests release = assertInstanceOf(LeaderOutput.ReleaseRequests.class,
                last.get(last.size() - 1));
        assertTrue(release.reason().contains("did not catch up"), release.reason());
        assertTrue(core.isBroadcasting(), "still leading");
        assertEquals(-1, core.transferTarget());
        assertFalse(core.propose(FIRST + 1, new byte[] {2}).stream().anyMatch(LeaderOutput.GiveUp.class::isInstance));
    }

    @Test
    void theTargetLostBeforeTheHandoverReleasesTheRequestsAndAfterItTheLeaderStepsDown() {
        LeaderCore before = heldWithFollower2Behind();
        assertInstanceOf(LeaderOutput.ReleaseRequests.class, before.learnerLost(2).get(0));
        assertTrue(before.isBroadcasting());

        LeaderCore after = broadcasting();
        after.transferTo(2);
        assertTrue(after.requestsHeld(EPOCH_3, 0).stream().anyMatch(LeaderOutput.Send.class::isInstance),
                "nothing outstanding: the handover proposal goes at once");
        LeaderOutput.SteppedDown down = assertInstanceOf(LeaderOutput.SteppedDown.class, after.learnerLost(2).get(0));
        assertFalse(down.confirmed(), "its next zxid would collide with the one the target may hold");
        assertTrue(after.isStopped());
    }

    @Test
    void aHandoverProposalNotConfirmedWithinSyncLimitStillEndsTheLeadership() {
        LeaderCore core = broadcasting();
        core.transferTo(2);
        core.requestsHeld(EPOCH_3, 0);
        List<LeaderOutput> last = ticksPastSyncLimit(core);
        LeaderOutput.SteppedDown down = assertInstanceOf(LeaderOutput.SteppedDown.class, last.get(last.size() - 1));
        assertFalse(down.confirmed());
    }

    /** Ticks past syncLimit with both followers alive; the outputs of the last tick. */
    private static List<LeaderOutput> ticksPastSyncLimit(LeaderCore core) {
        List<LeaderOutput> last = List.of();
        for (int tick = 0; tick <= SYNC_LIMIT_TICKS; tick++) {
            core.heardFrom(2);
            core.heardFrom(3);
            last = core.tick();
        }
        return last;
    }

    private static void assertRefused(List<LeaderOutput> outputs, String because) {
        LeaderOutput.TransferRefused refused = assertInstanceOf(LeaderOutput.TransferRefused.class, outputs.get(0));
        assertTrue(refused.reason().contains(because), refused.reason());
    }
}
