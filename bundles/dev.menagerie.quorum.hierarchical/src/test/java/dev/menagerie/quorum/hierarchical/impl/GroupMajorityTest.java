package dev.menagerie.quorum.hierarchical.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupMajorityTest {

    @Test
    void aGroupIsCarriedByStrictlyMoreThanHalfOfItsWeight() {
        for (long total = 1; total <= 12; total++) {
            for (long present = 0; present <= total; present++) {
                assertEquals(2 * present > total, GroupMajority.carriesGroup(present, total), present + " of " + total);
            }
        }
    }

    @Test
    void aWeightlessGroupIsNeverCarried() {
        assertFalse(GroupMajority.carriesGroup(0, 0));
    }

    @Test
    void onlyGroupsWithWeightAreCounted() {
        assertEquals(2, GroupMajority.countedGroupCount(Map.of(1L, 3L, 2L, 0L, 3L, 1L)));
    }

    @Test
    void presentWeightIsSummedPerGroupAndUnknownIdsAddNothing() {
        Map<Long, Long> groupById = Map.of(1L, 10L, 2L, 10L, 3L, 20L);
        Map<Long, Long> weightById = Map.of(1L, 2L, 2L, 3L, 3L, 4L);
        assertEquals(Map.of(10L, 5L, 20L, 4L),
                GroupMajority.weightByGroup(Set.of(1L, 2L, 3L, 99L), groupById, weightById));
    }
}
