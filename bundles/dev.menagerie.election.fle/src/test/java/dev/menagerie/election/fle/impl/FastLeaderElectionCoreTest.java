package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.election.fle.impl.wire.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One rule of Apache's FastLeaderElection per test; peers 1..n all at epoch 1 unless a zxid says otherwise. */
class FastLeaderElectionCoreTest {

    private static final String CONFIG = "version=0";

    private static FastLeaderElectionCore core(long myId, QuorumVerifier verifier, long zxid) {
        boolean participant = verifier.votingMembers().contains(myId);
        PeerHistory history = new PeerHistory() {
            @Override
            public long currentEpoch() {
                return 1;
            }

            @Override
            public long lastLoggedZxid() {
                return zxid;
            }
        };
        return new FastLeaderElectionCore(ElectionSettings.withDefaultTiming(myId, participant, verifier, CONFIG),
                history);
    }

    private static Notification looking(long leader, long zxid, long round) {
        return Notification.of(PeerState.LOOKING, leader, zxid, round, 1, CONFIG);
    }

    private static Notification established(PeerState state, long leader, long round) {
        return Notification.of(state, leader, 0x100, round, 1, CONFIG);
    }

    private static List<Long> recipients(ElectionOutput out) {
        List<Long> ids = new ArrayList<>();
        out.messages().forEach(m -> ids.add(m.toSid()));
        return ids;
    }

    @Test
    void startProposesOurselvesToEveryOtherVoter() {
        ElectionOutput out = core(1, Quorums.majority(3, 1), 0x100).start(0);
        assertEquals(List.of(2L, 3L), recipients(out), "never to observers, and our own vote is looped back");
        assertEquals(looking(1, 0x100, 1), out.messages().get(0).notification());
    }

    @Test
    void adoptsABetterVoteAndTellsEveryVoter() {
        FastLeaderElectionCore me = core(1, Quorums.majority(3, 0), 0x100);
        me.start(0);
        ElectionOutput out = me.receive(3, looking(3, 0x100, 1), 10);
        assertEquals(List.of(2L, 3L), recipients(out));
        assertEquals(3, out.messages().get(0).notification().leader());
        assertTrue(me.receive(2, looking(2, 0x100, 1), 20).messages().isEmpty(), "a worse vote changes nothing");
    }

    @Test
    void decidesOnlyAfterFinalizeWaitPassesWithoutABetterVote() {
        FastLeaderElectionCore me = core(3, Quorums.majority(3, 0), 0x100);
        me.start(0);
        me.receive(2, looking(3, 0x100, 1), 50);
        assertFalse(me.tick(249).decided());
        ElectionOutput out = me.tick(250);
        assertEquals(new Decision(new Vote(3, 0x100, 1, 1, PeerState.LEADING), PeerState.LEADING, Set.of(2L, 3L)),
                out.decision());
        assertEquals(PeerState.LEADING, me.state());
    }

    @Test
    void aWorseVoteDuringFinalizeWaitStartsTheWaitAgain() {
        FastLeaderElectionCore me = core(3, Quorums.majority(5, 0), 0x100);
        me.start(0);
        me.receive(2, looking(3, 0x100, 1), 0);
        me.receive(1, looking(3, 0x100, 1), 0);
        me.receive(4, looking(4, 0x50, 1), 150);
        assertFalse(me.tick(200).decided());
        assertTrue(me.tick(350).decided());
    }

    @Test
    void aBetterVoteDuringFinalizeWaitChangesTheOutcome() {
        FastLeaderElectionCore me = core(2, Quorums.majority(5, 0), 0x100);
        me.start(0);
        me.receive(1, looking(2, 0x100, 1), 0);
        me.receive(4, looking(2, 0x100, 1), 0);
        ElectionOutput switched = me.receive(3, looking(3, 0x100, 1), 100);
        assertEquals(3, switched.messages().get(0).notification().leader());
        assertFalse(me.tick(300).decided(), "no quorum for 3 yet: only we and 3 vote for it");
        me.receive(1, looking(3, 0x100, 1), 400);
        ElectionOutput out = me.tick(600);
        assertEquals(PeerState.FOLLOWING, out.decision().role());
        assertEquals(3, out.decision().vote().leaderId());
    }

    @Test
    void aNewerRoundDiscardsTheVotesOfOlderRounds() {
        FastLeaderElectionCore me = core(1, Quorums.majority(5, 0), 0x900);
        me.start(0);
        me.receive(3, looking(1, 0x900, 1), 10);
        ElectionOutput out = me.receive(2, looking(2, 0x100, 5), 20);
        assertEquals(5, me.logicalClock());
        assertEquals(looking(1, 0x900, 5), out.messages().get(0).notification(), "our own log is still the best");
        me.receive(4, looking(1, 0x900, 5), 30);
        assertFalse(me.tick(1000).decided(), "3's vote was for round 1; in round 5 only we and 4 vote for us");
        me.receive(3, looking(1, 0x900, 5), 1100);
        assertTrue(me.tick(1300).decided());
    }

    @Test
    void answersAPeerInAnOlderRoundWithOurProposal() {
        FastLeaderElectionCore me = core(1, Quorums.majority(3, 0), 0x100);
        me.start(0);
        me.receive(2, looking(2, 0x100, 5), 10);
        ElectionOutput out = me.receive(3, looking(3, 0x50, 1), 20);
        assertEquals(List.of(3L), recipients(out));
        assertEquals(looking(2, 0x100, 5), out.messages().get(0).notification());
    }

    @Test
    void aDecidedPeerAnswersLookingPeersWithItsVoteAndIgnoresOthers() {
        FastLeaderElectionCore me = core(3, Quorums.majority(3, 0), 0x100);
        me.start(0);
        me.receive(2, looking(3, 0x100, 1), 0);
        me.tick(200);
        ElectionOutput out = me.receive(1, looking(1, 0x10, 9), 500);
        assertEquals(List.of(1L), recipients(out));
        assertEquals(Notification.of(PeerState.LEADING, 3, 0x100, 1, 1, CONFIG), out.messages().get(0).notification());
        assertTrue(me.receive(2, established(PeerState.FOLLOWING, 3, 1), 600).messages().isEmpty());
        me.updatePeerEpoch(2);
        assertEquals(2, me.receive(1, looking(1, 0x10, 9), 700).messages().get(0).notification().peerEpoch());
    }

    @Test
    void answersServersThatAreNoVotersWhateverTheySend() {
        FastLeaderElectionCore me = core(1, Quorums.majority(3, 1), 0x100);
        me.start(0);
        Notification odd = new Notification(9, 0, 0, 0, 0, 2, "");
        ElectionOutput out = me.receive(4, odd, 10);
        assertEquals(List.of(4L), recipients(out));
        assertEquals(PeerState.LOOKING, out.messages().get(0).notification().state());
        assertTrue(me.receive(2, odd, 20).messages().isEmpty(), "a voter's unknown state is dropped");
    }

    @Test
    void joinsAnEstablishedLeaderOnceAQuorumFollowsItAndItSaysItLeads() {
        FastLeaderElectionCore me = core(1, Quorums.majority(5, 0), 0x999);
        me.start(0);
        me.receive(2, established(PeerState.FOLLOWING, 3, 7), 10);
        me.receive(4, established(PeerState.FOLLOWING, 3, 7), 20);
        assertFalse(me.receive(5, established(PeerState.FOLLOWING, 3, 7), 30).decided(),
                "three followers are a quorum, but 3 has not said it leads");
        ElectionOutput out = me.receive(3, established(PeerState.LEADING, 3, 7), 40);
        assertEquals(PeerState.FOLLOWING, out.decision().role());
        assertEquals(new Vote(3, 0x100, 7, 1, PeerState.FOLLOWING), out.decision().vote());
        assertEquals(7, me.logicalClock(), "the late peer takes the ensemble's round");
    }

    @Test
    void anObserverNeverProposesItselfAndLearnsTheLeader() {
        FastLeaderElectionCore observer = core(4, Quorums.majority(3, 1), 0x100);
        ElectionOutput started = observer.start(0);
        assertEquals(List.of(1L, 2L, 3L), recipients(started));
        assertEquals(Long.MIN_VALUE, started.messages().get(0).notification().leader());
        observer.receive(1, established(PeerState.FOLLOWING, 2, 3), 10);
        ElectionOutput out = observer.receive(2, established(PeerState.LEADING, 2, 3), 20);
        assertEquals(PeerState.OBSERVING, out.decision().role());
        assertEquals(2, out.decision().vote().leaderId());
    }

    @Test
    void resendsItsVoteWithExponentialBackoffWhileNothingArrives() {
        FastLeaderElectionCore me = core(1, Quorums.majority(3, 0), 0x100);
        me.start(0);
        List<Long> resendTimes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long at = me.nextDeadlineMs();
            assertTrue(me.tick(at - 1).messages().isEmpty());
            assertEquals(List.of(2L, 3L), recipients(me.tick(at)));
            resendTimes.add(at);
        }
        assertEquals(List.of(200L, 600L, 1400L, 3000L, 6200L, 12600L, 25400L, 51000L, 102200L, 162200L, 222200L,
                282200L), resendTimes);
    }

    @Test
    void aLogAtZxidMinusOneTakesNoPartInLookingVotes() {
        FastLeaderElectionCore me = core(1, Quorums.majority(3, 0), 0x100);
        me.start(0);
        assertTrue(me.receive(3, looking(3, -1, 1), 10).messages().isEmpty());
        FastLeaderElectionCore broken = core(1, Quorums.majority(3, 0), -1);
        broken.start(0);
        assertTrue(broken.receive(3, looking(3, 0x100, 1), 10).messages().isEmpty());
    }

    @Test
    void aSingleVoterElectsItselfAfterFinalizeWait() {
        FastLeaderElectionCore me = core(1, Quorums.majority(1, 0), 0x100);
        assertTrue(me.start(0).messages().isEmpty());
        assertNull(me.tick(199).decision());
        assertEquals(PeerState.LEADING, me.tick(200).decision().role());
    }
}
