package dev.menagerie.example.quorum.unanimous.impl;

import static dev.menagerie.quorum.contract.Ensembles.observer;
import static dev.menagerie.quorum.contract.Ensembles.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.quorum.contract.QuorumVerifierContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract suite (whole voting set is a quorum, empty set is not, any two quorums share a voter, adding servers
 * keeps a quorum, non-voters never change the answer, ...) runs through the superclass; the tests below are this
 * strategy's own.
 */
class UnanimousVerifierFactoryTest extends QuorumVerifierContract {

    @Override
    protected QuorumVerifierFactory factory() {
        return new UnanimousVerifierFactory();
    }

    @Test
    void everyVoterMustBePresent() {
        QuorumVerifier verifier = factory().create(List.of(participant(1), participant(2), participant(3)));
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L, 3L)));
        assertFalse(verifier.containsQuorum(Set.of(1L, 2L)), "a majority is not enough");
    }

    @Test
    void observersAndWeightZeroParticipantsAreNotWaitedFor() {
        QuorumVerifier verifier = factory().create(List.of(participant(1), participant(2, 1, 0), observer(3)));
        assertEquals(Set.of(1L), verifier.votingMembers());
        assertTrue(verifier.containsQuorum(Set.of(1L)));
    }
}
