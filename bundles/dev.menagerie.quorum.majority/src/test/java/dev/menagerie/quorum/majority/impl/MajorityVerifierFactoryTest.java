package dev.menagerie.quorum.majority.impl;

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

class MajorityVerifierFactoryTest extends QuorumVerifierContract {

    @Override
    protected QuorumVerifierFactory factory() {
        return new MajorityVerifierFactory();
    }

    private static QuorumVerifier fiveParticipants() {
        return new MajorityVerifierFactory().create(
                List.of(participant(1), participant(2), participant(3), participant(4), participant(5)));
    }

    @Test
    void threeOfFiveIsAQuorumAndTwoIsNot() {
        QuorumVerifier verifier = fiveParticipants();
        assertTrue(verifier.containsQuorum(Set.of(1L, 3L, 5L)));
        assertFalse(verifier.containsQuorum(Set.of(2L, 4L)));
    }

    @Test
    void observersNeitherVoteNorCount() {
        QuorumVerifier verifier = new MajorityVerifierFactory().create(List.of(participant(1), participant(2),
                participant(3), observer(4), observer(5)));
        assertEquals(Set.of(1L, 2L, 3L), verifier.votingMembers());
        assertFalse(verifier.containsQuorum(Set.of(1L, 4L, 5L)), "one of three participants, however many observers");
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L)));
    }

    @Test
    void weightsAndGroupsAreIgnoredLikeApacheQuorumMaj() {
        QuorumVerifier verifier = new MajorityVerifierFactory().create(
                List.of(participant(1, 1, 0), participant(2, 1, 5), participant(3, 2, 1)));
        assertEquals(Set.of(1L, 2L, 3L), verifier.votingMembers(), "a weight-0 participant still votes");
        assertEquals(1L, verifier.weight(1));
        assertEquals(1L, verifier.weight(2));
        assertTrue(verifier.containsQuorum(Set.of(1L, 3L)), "two of three, whatever their weights");
        assertFalse(verifier.containsQuorum(Set.of(2L)), "weight 5 is still one vote");
    }
}
