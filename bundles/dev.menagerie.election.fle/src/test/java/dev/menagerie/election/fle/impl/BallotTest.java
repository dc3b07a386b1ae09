package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerState;
import java.util.Random;
import org.apache.zookeeper.server.quorum.QuorumPeer.ServerState;
import org.apache.zookeeper.server.quorum.Vote;
import org.junit.jupiter.api.Test;

class BallotTest {

    @Test
    void agreesExactlyWhenApacheVotesAreEqual() {
        Random random = new Random(7);
        int agreements = 0;
        for (int i = 0; i < 20_000; i++) {
            Ballot a = randomBallot(random);
            Ballot b = randomBallot(random);
            boolean apache = apacheVote(a).equals(apacheVote(b));
            assertEquals(apache, a.agreesWith(b), a + " vs " + b);
            agreements += apache ? 1 : 0;
        }
        assertTrue(agreements > 500, "the sample must exercise agreement too, got " + agreements);
    }

    @Test
    void establishedVotesIgnoreZxidAndRoundButNotTheLeadersEpoch() {
        Ballot follower = new Ballot(3, 0x100, 4, 2, PeerState.FOLLOWING, 2);
        assertTrue(follower.agreesWith(new Ballot(3, 0x999, 9, 2, PeerState.LEADING, 2)));
        assertFalse(follower.agreesWith(new Ballot(3, 0x100, 4, 1, PeerState.LEADING, 2)));
        assertTrue(follower.agreesWith(new Ballot(3, 0x100, 4, 1, PeerState.LEADING, 0)), "3.4 peer: leader only");
        assertFalse(follower.agreesWith(Ballot.looking(3, 0x999, 9, 2)));
    }

    private static Ballot randomBallot(Random random) {
        PeerState state = PeerState.values()[random.nextInt(4)];
        return new Ballot(random.nextInt(3), random.nextInt(2), random.nextInt(2), random.nextInt(2), state,
                random.nextInt(3));
    }

    private static Vote apacheVote(Ballot b) {
        return new Vote(b.version(), b.leader(), b.zxid(), b.electionEpoch(), b.peerEpoch(),
                ServerState.values()[b.state().wireCode()]);
    }
}
