package dev.menagerie.quorum.hierarchical.impl;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Servers in weighted groups; a quorum carries more than half of the weight of more than half of the groups that
 * have any weight. Holds only voters (participants with a weight above zero); a weight-0 member could add nothing.
 * Immutable.
 */
final class HierarchicalQuorumVerifier implements QuorumVerifier {

    private final Map<Long, Long> weightById;
    private final Map<Long, Long> groupById;
    private final Map<Long, Long> groupWeights;
    private final int countedGroupCount;
    private final SortedSet<Long> voters;

    /**
     * @param weightById the weight of every voter, all above zero
     * @param groupById the group of every voter
     * @param groupWeights the total weight of every group that holds a participant, zero included
     */
    HierarchicalQuorumVerifier(Map<Long, Long> weightById, Map<Long, Long> groupById, Map<Long, Long> groupWeights) {
        this.weightById = Map.copyOf(weightById);
        this.groupById = Map.copyOf(groupById);
        this.groupWeights = Map.copyOf(groupWeights);
        this.countedGroupCount = GroupMajority.countedGroupCount(groupWeights);
        this.voters = Collections.unmodifiableSortedSet(new TreeSet<>(weightById.keySet()));
    }

    @Override
    public Set<Long> votingMembers() {
        return voters;
    }

    @Override
    public long weight(long serverId) {
        return weightById.getOrDefault(serverId, 0L);
    }

    @Override
    public boolean containsQuorum(Set<Long> serverIds) {
        Map<Long, Long> present = GroupMajority.weightByGroup(serverIds, groupById, weightById);
        return GroupMajority.isQuorum(GroupMajority.carriedGroupCount(present, groupWeights), countedGroupCount);
    }

    @Override
    public String toString() {
        return "hierarchical: groups " + new TreeSet<>(groupWeights.keySet()) + " of which " + countedGroupCount
                + " have weight, voters " + voters;
    }
}
