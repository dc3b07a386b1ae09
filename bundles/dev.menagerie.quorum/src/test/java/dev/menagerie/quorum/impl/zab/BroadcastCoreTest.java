package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.quorum.impl.zab.LeaderOutput.Commit;
import dev.menagerie.quorum.impl.zab.LeaderOutput.GiveUp;
import dev.menagerie.quorum.impl.zab.LeaderOutput.Send;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastCoreTest {

    private static final long LEADER = 1;
    private static final long OBSERVER = 9;
    private static final long Z1 = Zxids.of(1, 1);
    private static final long Z2 = Zxids.of(1, 2);
    private static final byte[] TXN = {7, 7};

    private BroadcastCore core;

    @BeforeEach
    void leaderOfThreeVotersAndAnObserver() {
        core = new BroadcastCore(LEADER, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 2, Zxids.of(1, 0));
        core.learnerSynced(2, LearnerRole.FOLLOWER, Zxids.of(1, 0));
        core.learnerSynced(3, LearnerRole.FOLLOWER, Zxids.of(1, 0));
        core.learnerSynced(OBSERVER, LearnerRole.OBSERVER, Zxids.of(1, 0));
    }

    @Test
    void proposalGoesToFollowersButNotObservers() {
        List<LeaderOutput> outputs = core.propose(Z1, TXN);
        assertEquals(List.of("2 PROPOSAL " + Z1, "3 PROPOSAL " + Z1), sends(outputs));
    }

    @Test
    void oneFollowerAckIsNoQuorumUntilTheLeadersOwnLogWriteCompletes() {
        core.propose(Z1, TXN);
        assertEquals(List.of(), core.ack(2, Z1), "the leader's ack does not count before its log write");
        List<LeaderOutput> outputs = core.localLogged(Z1);
        assertEquals(List.of("2 COMMIT " + Z1, "3 COMMIT " + Z1, OBSERVER + " INFORM " + Z1), sends(outputs));
        Send inform = (Send) outputs.get(2);
        assertArrayEquals(TXN, inform.payload(), "observers learn the transaction from INFORM");
        assertEquals(List.of(Z1), commits(outputs));
        assertEquals(Z1, core.lastCommittedZxid());
    }

    @Test
    void twoFollowersFormAQuorumWithoutTheLeader() {
        core.propose(Z1, TXN);
        core.ack(2, Z1);
        assertEquals(List.of(Z1), commits(core.ack(3, Z1)));
    }

    @Test
    void aLaterZxidWithAQuorumWaitsForTheEarlierOne() {
        core.propose(Z1, TXN);
        core.propose(Z2, TXN);
        core.localLogged(Z2);
        assertEquals(List.of(), core.ack(2, Z2), "Z2 has a quorum but Z1 is not committed");
        core.localLogged(Z1);
        assertEquals(List.of(Z1, Z2), commits(core.ack(3, Z1)));
    }

    @Test
    void acksForCommittedUnknownOrEpochStartZxidsAndFromStrangersAreIgnored() {
        core.propose(Z1, TXN);
        core.ack(2, Z1);
        core.ack(3, Z1);
        assertEquals(List.of(), core.ack(2, Z1), "already committed");
        assertEquals(List.of(), core.ack(2, Z2), "never proposed");
        core.propose(Z2, TXN);
        assertEquals(List.of(), core.ack(2, Zxids.of(1, 0)), "NEWLEADER ack");
        core.ack(4, Z2);
        core.ack(OBSERVER, Z2);
        assertEquals(List.of(), core.localLogged(Z2), "a stranger's and an observer's acks do not count");
    }

    @Test
    void aLostLearnerGetsNothingAndItsEarlierAcksStillCount() {
        core.propose(Z1, TXN);
        core.ack(2, Z1);
        core.learnerLost(2);
        core.learnerLost(OBSERVER);
        List<LeaderOutput> outputs = core.localLogged(Z1);
        assertEquals(List.of("3 COMMIT " + Z1), sends(outputs));
        assertEquals(List.of(Z1), commits(outputs));
        assertEquals(List.of(), sends(core.propose(Z2, TXN)).stream().filter(s -> s.startsWith("2 ")).toList());
    }

    @Test
    void aLearnerThatSyncsAgainMustAckAgainWhatItWasTruncatedOf() {
        core.propose(Z1, TXN);
        core.ack(2, Z1);
        core.learnerLost(2);
        // Reconnected, it was truncated to before Z1 and is sent Z1 again: its first ack stands for nothing.
        core.learnerSynced(2, LearnerRole.FOLLOWER, Zxids.of(1, 0));
        assertEquals(List.of(), commits(core.localLogged(Z1)), "committed on an ack its log no longer backs");
        assertEquals(List.of(Z1), commits(core.ack(2, Z1)));
    }

    @Test
    void aSyncedLearnerIsSentWhatHappenedAfterItsSyncPoint() {
        core.learnerLost(3);
        core.propose(Z1, TXN);
        core.ack(2, Z1);
        core.localLogged(Z1);
        core.propose(Z2, TXN);
        assertEquals(List.of("3 PROPOSAL " + Z1, "3 COMMIT " + Z1, "3 PROPOSAL " + Z2),
                sends(core.learnerSynced(3, LearnerRole.FOLLOWER, Zxids.of(1, 0))));
        core.applied(Z1);
        assertEquals(List.of("3 PROPOSAL " + Z2), sends(core.learnerSynced(3, LearnerRole.FOLLOWER, Z1)));
        assertEquals(List.of(), sends(core.learnerSynced(OBSERVER, LearnerRole.OBSERVER, Z1)),
                "observers never see uncommitted proposals");
    }

    @Test
    void quorumIsLostWhenNoFollowerIsHeardFromWithinSyncLimit() {
        assertEquals(List.of(), lost(core.tick()));
        assertEquals(List.of(), lost(core.tick()));
        core.heardFrom(2);
        List<GiveUp> lost = List.of();
        int ticks = 0;
        while (lost.isEmpty() && ticks < 10) {
            lost = lost(core.tick());
            ticks++;
        }
        assertEquals(3, ticks, "follower 2, heard at tick 2, keeps the quorum through tick 2 + syncLimit");
        assertTrue(lost.get(0).reason().contains("only [" + LEADER + "] were heard from"), lost.get(0).reason());
        assertTrue(core.isStopped());
        assertEquals(List.of(), core.propose(Z1, TXN), "a stopped leader broadcasts nothing");
    }

    @Test
    void everyTickPingsEveryLearnerWithTheLastProposedZxid() {
        core.propose(Z1, TXN);
        assertEquals(List.of("2 PING " + Z1, "3 PING " + Z1, OBSERVER + " PING " + Z1), sends(core.tick()));
    }

    private static List<String> sends(List<LeaderOutput> outputs) {
        return outputs.stream().filter(Send.class::isInstance).map(Send.class::cast)
                .map(s -> s.toSid() + " " + s.type() + " " + s.zxid()).toList();
    }

    private static List<Long> commits(List<LeaderOutput> outputs) {
        return outputs.stream().filter(Commit.class::isInstance).map(o -> ((Commit) o).zxid()).toList();
    }

    private static List<GiveUp> lost(List<LeaderOutput> outputs) {
        return outputs.stream().filter(GiveUp.class::isInstance).map(GiveUp.class::cast).toList();
    }
}
