package dev.menagerie.quorum.hierarchical.impl;

import static dev.menagerie.quorum.contract.Ensembles.member;
import static dev.menagerie.quorum.contract.Ensembles.observer;
import static dev.menagerie.quorum.contract.Ensembles.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.quorum.contract.QuorumVerifierContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HierarchicalVerifierFactoryTest extends QuorumVerifierContract {

    @Override
    protected QuorumVerifierFactory factory() {
        return new HierarchicalVerifierFactory();
    }

    private static QuorumVerifier create(QuorumMember... members) {
        return new HierarchicalVerifierFactory().create(List.of(members));
    }

    /** group.1=1:2:3, group.2=4:5:6, group.3=7:8:9, every weight {@code weight}. */
    private static List<QuorumMember> threeGroupsOfThree(long weight) {
        List<QuorumMember> members = new ArrayList<>();
        for (long id = 1; id <= 9; id++) {
            members.add(participant(id, (id + 2) / 3, weight));
        }
        return members;
    }

    @Test
    void aQuorumCarriesTwoOfThreeGroups() {
        QuorumVerifier verifier = new HierarchicalVerifierFactory().create(threeGroupsOfThree(1));
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L, 4L, 5L)), "two of three in groups 1 and 2");
        assertFalse(verifier.containsQuorum(Set.of(1L, 2L, 3L, 4L, 7L)), "only group 1 is carried");
        assertFalse(verifier.containsQuorum(Set.of(1L, 4L, 7L, 2L)), "five of nine servers, yet one group");
    }

    @Test
    void weightsDecideWhoCarriesAGroup() {
        QuorumVerifier verifier = create(participant(1, 1, 3), participant(2, 1, 1), participant(3, 1, 1),
                participant(4, 2, 1), participant(5, 2, 1), participant(6, 2, 1),
                participant(7, 3, 1), participant(8, 3, 1), participant(9, 3, 1));
        assertEquals(3L, verifier.weight(1));
        assertTrue(verifier.containsQuorum(Set.of(1L, 4L, 5L)), "weight 3 of 5 carries group 1 alone");
        assertFalse(verifier.containsQuorum(Set.of(2L, 3L, 4L, 5L)), "weight 2 of 5 does not carry group 1");
    }

    @Test
    void aWeightZeroMemberDoesNotCount() {
        QuorumVerifier verifier = create(participant(1, 1, 0), participant(2, 1, 1), participant(3, 1, 1));
        assertEquals(Set.of(2L, 3L), verifier.votingMembers());
        assertEquals(0L, verifier.weight(1));
        assertFalse(verifier.containsQuorum(Set.of(1L, 2L)), "1 of the group's weight 2 is not more than half");
        assertTrue(verifier.containsQuorum(Set.of(2L, 3L)));
    }

    @Test
    void aGroupWhoseWeightIsZeroIsNotCounted() {
        // Counting group 2 would ask for both groups, and group 2 can never be carried: no quorum could form.
        QuorumVerifier verifier = create(participant(1, 1, 1), participant(2, 1, 1), participant(3, 1, 1),
                participant(4, 2, 0), participant(5, 2, 0));
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L)));
        assertFalse(verifier.containsQuorum(Set.of(1L, 4L, 5L)));
    }

    @Test
    void aZeroWeightGroupLowersTheNumberOfGroupsNeeded() {
        List<QuorumMember> members = new ArrayList<>(threeGroupsOfThree(1));
        members.add(participant(10, 4, 0));
        members.add(participant(11, 4, 0));
        QuorumVerifier verifier = new HierarchicalVerifierFactory().create(members);
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L, 4L, 5L)), "two of the three groups that count");
    }

    @Test
    void observersNeverVoteEvenInsideAGroup() {
        QuorumVerifier verifier = create(participant(1, 1, 1), participant(2, 1, 1), participant(3, 1, 1),
                member(4, LearnerType.OBSERVER, 1, 5), observer(5));
        assertEquals(Set.of(1L, 2L, 3L), verifier.votingMembers());
        assertFalse(verifier.containsQuorum(Set.of(1L, 4L, 5L)));
        assertTrue(verifier.containsQuorum(Set.of(1L, 2L)), "the observer's weight 5 is not part of group 1");
    }

    @Test
    void aParticipantWithoutAGroupIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(participant(1, 1, 1), participant(2)));
        assertTrue(e.getMessage().contains("server.2"), e.getMessage());
        assertTrue(e.getMessage().contains("group"), e.getMessage());
    }

    @Test
    void anEnsembleWithoutAnyWeightIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(participant(1, 1, 0), participant(2, 2, 0), observer(3)));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
    }

    @Test
    void weightsThatOverflowAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> create(participant(1, 1, Long.MAX_VALUE), participant(2, 1, 1)));
    }
}
