package dev.menagerie.quorum.hierarchical.impl;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Hierarchical quorums (zoo.cfg {@code group.G} and {@code weight.N} lines), after Apache ZooKeeper's
 * QuorumHierarchical. Every participant must be in a group. Observers never vote: their group and weight are
 * ignored, so a group of observers only has weight 0 and, like every weight-0 group, does not count.
 */
@Component(property = QuorumVerifierFactory.TYPE + "=" + ServerConfig.HIERARCHICAL_VERIFIER)
public final class HierarchicalVerifierFactory implements QuorumVerifierFactory {

    @Override
    public QuorumVerifier create(List<QuorumMember> members) {
        Set<Long> seen = new HashSet<>();
        Map<Long, Long> weightById = new HashMap<>();
        Map<Long, Long> groupById = new HashMap<>();
        Map<Long, Long> groupWeights = new HashMap<>();
        for (QuorumMember member : members) {
            if (!seen.add(member.id())) {
                throw new IllegalArgumentException("server." + member.id() + " appears more than once");
            }
            if (member.type() == LearnerType.PARTICIPANT) {
                requireGroup(member);
                groupWeights.merge(member.group(), member.weight(), HierarchicalVerifierFactory::addWeights);
                if (member.weight() > 0) {
                    weightById.put(member.id(), member.weight());
                    groupById.put(member.id(), member.group());
                }
            }
        }
        if (weightById.isEmpty()) {
            throw new IllegalArgumentException("hierarchical quorum has no participant with a weight above 0"
                    + " (weight.N), so no set of servers could ever be a quorum");
        }
        return new HierarchicalQuorumVerifier(weightById, groupById, groupWeights);
    }

    private static void requireGroup(QuorumMember member) {
        if (member.group() == QuorumMember.NO_GROUP) {
            throw new IllegalArgumentException("server." + member.id() + " is a participant in no group:"
                    + " hierarchical quorums need every participant listed in one group.G line");
        }
    }

    private static long addWeights(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the weights of a group add up to more than " + Long.MAX_VALUE);
        }
    }
}
