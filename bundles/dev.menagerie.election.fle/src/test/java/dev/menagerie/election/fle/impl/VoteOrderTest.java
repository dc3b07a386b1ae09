package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.election.fle.spi.TieBreak;
import org.junit.jupiter.api.Test;

class VoteOrderTest {

    private final QuorumVerifier five = Quorums.majority(5, 0);
    private final VoteOrder apache = new VoteOrder(five, TieBreak.SERVER_ID);

    @Test
    void epochBeatsZxidWhichBeatsId() {
        assertTrue(apache.supersedes(new Proposal(1, 0x100, 3), new Proposal(5, 0x999, 2)));
        assertTrue(apache.supersedes(new Proposal(1, 0x101, 3), new Proposal(5, 0x100, 3)));
        assertTrue(apache.supersedes(new Proposal(5, 0x100, 3), new Proposal(1, 0x100, 3)));
        assertFalse(apache.supersedes(new Proposal(1, 0x100, 3), new Proposal(5, 0x100, 3)));
        assertFalse(apache.supersedes(new Proposal(3, 0x100, 3), new Proposal(3, 0x100, 3)), "not itself");
    }

    @Test
    void aCandidateWithoutWeightNeverWins() {
        QuorumVerifier weighted = Quorums.hierarchical(new long[] {1, 1, 1}, new long[] {2, 1, 1},
                new long[] {3, 1, 0});
        VoteOrder order = new VoteOrder(weighted, TieBreak.SERVER_ID);
        assertFalse(order.supersedes(new Proposal(3, 0x999, 9), new Proposal(1, 0, 0)));
        assertTrue(order.supersedes(new Proposal(2, 0, 0), new Proposal(1, 0, 0)));
    }

    /** A tie-break preferring server 1: it speaks only between equal histories; where it is silent, ids decide. */
    @Test
    void aTieBreakOrdersOnlyEquallyUpToDateCandidates() {
        TieBreak oneFirst = (candidate, other) -> Boolean.compare(candidate == 1, other == 1);
        VoteOrder order = new VoteOrder(five, oneFirst);
        assertTrue(order.supersedes(new Proposal(1, 0x100, 3), new Proposal(5, 0x100, 3)));
        assertFalse(order.supersedes(new Proposal(5, 0x100, 3), new Proposal(1, 0x100, 3)));
        assertTrue(order.supersedes(new Proposal(5, 0x101, 3), new Proposal(1, 0x100, 3)), "a newer zxid first");
        assertTrue(order.supersedes(new Proposal(4, 0x100, 4), new Proposal(1, 0x200, 3)), "a newer epoch first");
        assertTrue(order.supersedes(new Proposal(4, 0x100, 3), new Proposal(2, 0x100, 3)), "then the id");
    }
}
