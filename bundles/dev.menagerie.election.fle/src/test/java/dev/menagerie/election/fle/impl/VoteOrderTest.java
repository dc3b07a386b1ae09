package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.quorum.QuorumVerifier;
import org.junit.jupiter.api.Test;

class VoteOrderTest {

    private final QuorumVerifier five = Quorums.majority(5, 0);

    @Test
    void epochBeatsZxidWhichBeatsId() {
        assertTrue(VoteOrder.supersedes(new Proposal(1, 0x100, 3), new Proposal(5, 0x999, 2), five));
        assertTrue(VoteOrder.supersedes(new Proposal(1, 0x101, 3), new Proposal(5, 0x100, 3), five));
        assertTrue(VoteOrder.supersedes(new Proposal(5, 0x100, 3), new Proposal(1, 0x100, 3), five));
        assertFalse(VoteOrder.supersedes(new Proposal(1, 0x100, 3), new Proposal(5, 0x100, 3), five));
        assertFalse(VoteOrder.supersedes(new Proposal(3, 0x100, 3), new Proposal(3, 0x100, 3), five), "not itself");
    }

    @Test
    void aCandidateWithoutWeightNeverWins() {
        QuorumVerifier weighted = Quorums.hierarchical(new long[] {1, 1, 1}, new long[] {2, 1, 1},
                new long[] {3, 1, 0});
        assertFalse(VoteOrder.supersedes(new Proposal(3, 0x999, 9), new Proposal(1, 0, 0), weighted));
        assertTrue(VoteOrder.supersedes(new Proposal(2, 0, 0), new Proposal(1, 0, 0), weighted));
    }
}
