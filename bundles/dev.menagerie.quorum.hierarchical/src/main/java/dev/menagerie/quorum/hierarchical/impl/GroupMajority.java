package dev.menagerie.quorum.hierarchical.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Hierarchical quorum arithmetic as pure functions, with the same rounding as Apache ZooKeeper's QuorumHierarchical. */
final class GroupMajority {

    private GroupMajority() {
    }

    /** A group is carried when the weight present is more than half of its total weight (halves round down). */
    static boolean carriesGroup(long presentWeight, long groupWeight) {
        return groupWeight > 0 && presentWeight > groupWeight / 2;
    }

    /** A quorum carries more than half of the groups that count (those whose total weight is above zero). */
    static boolean isQuorum(int carriedGroupCount, int countedGroupCount) {
        return carriedGroupCount > countedGroupCount / 2;
    }

    /** The weight each group has among {@code ids}; ids without a weight (non-voters, unknown ids) add nothing. */
    static Map<Long, Long> weightByGroup(Set<Long> ids, Map<Long, Long> groupById, Map<Long, Long> weightById) {
        Map<Long, Long> present = new HashMap<>();
        for (Long id : ids) {
            Long weight = weightById.get(id);
            if (weight != null) {
                present.merge(groupById.get(id), weight, Long::sum); // cannot overflow: the group total did not
            }
        }
        return present;
    }

    /** How many groups the weights present carry. */
    static int carriedGroupCount(Map<Long, Long> presentByGroup, Map<Long, Long> groupWeights) {
        int carried = 0;
        for (Map.Entry<Long, Long> group : presentByGroup.entrySet()) {
            if (carriesGroup(group.getValue(), groupWeights.get(group.getKey()))) {
                carried++;
            }
        }
        return carried;
    }

    /** Groups with a total weight above zero; Apache ZooKeeper leaves weight-0 groups out of the count too. */
    static int countedGroupCount(Map<Long, Long> groupWeights) {
        return (int) groupWeights.values().stream().filter(weight -> weight > 0).count();
    }
}
