package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoteTallyTest {

    private final QuorumVerifier threePlusObserver = Quorums.majority(3, 1);

    @Test
    void aQuorumOfMatchingBallotsNamesItsSupporters() {
        VoteTally tally = new VoteTally();
        tally.put(1, Ballot.looking(3, 7, 1, 1));
        tally.put(4, Ballot.looking(3, 7, 1, 1)); // an observer's ballot never counts
        assertNull(tally.quorumFor(Ballot.looking(3, 7, 1, 1), threePlusObserver));
        tally.put(2, Ballot.looking(3, 7, 1, 1));
        assertEquals(Set.of(1L, 2L), tally.quorumFor(Ballot.looking(3, 7, 1, 1), threePlusObserver));
        tally.put(2, Ballot.looking(3, 7, 2, 1)); // its newer ballot replaces the older one
        assertNull(tally.quorumFor(Ballot.looking(3, 7, 1, 1), threePlusObserver));
    }

    @Test
    void anotherLeaderIsConfirmedOnlyByItsOwnLeadingBallot() {
        VoteTally tally = new VoteTally();
        tally.put(2, new Ballot(3, 7, 4, 1, PeerState.FOLLOWING, 2));
        assertFalse(tally.leaderConfirmed(3, 4, 1, 4));
        tally.put(3, new Ballot(3, 7, 4, 1, PeerState.FOLLOWING, 2));
        assertFalse(tally.leaderConfirmed(3, 4, 1, 4));
        tally.put(3, new Ballot(3, 7, 4, 1, PeerState.LEADING, 2));
        assertTrue(tally.leaderConfirmed(3, 4, 1, 4));
    }

    @Test
    void weAreConfirmedAsLeaderOnlyInOurOwnRound() {
        VoteTally tally = new VoteTally();
        assertTrue(tally.leaderConfirmed(1, 4, 1, 4));
        assertFalse(tally.leaderConfirmed(1, 3, 1, 4));
    }
}
