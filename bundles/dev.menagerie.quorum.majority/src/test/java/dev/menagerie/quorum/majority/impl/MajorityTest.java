package dev.menagerie.quorum.majority.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MajorityTest {

    @Test
    void aQuorumIsStrictlyMoreThanHalfOfTheVoters() {
        for (int voters = 1; voters <= 20; voters++) {
            for (int present = 0; present <= voters; present++) {
                assertEquals(2 * present > voters, Majority.isQuorum(present, voters), present + " of " + voters);
            }
        }
    }

    @Test
    void anEvenSplitIsNotAQuorum() {
        assertFalse(Majority.isQuorum(2, 4));
        assertTrue(Majority.isQuorum(3, 4));
    }

    @Test
    void onlyVotersAreCounted() {
        assertEquals(2, Majority.countVoters(Set.of(1L, 2L, 7L, 9L), Set.of(1L, 2L, 3L)));
        assertEquals(0, Majority.countVoters(Set.of(), Set.of(1L)));
    }
}
