package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Map;
import java.util.Set;

/** Verifiers written for these tests, so the core is checked against quorum rules it does not share code with. */
final class TestVerifiers {

    private TestVerifiers() {
    }

    /** More than half of {@code voters}; other ids (observers) are ignored. */
    static QuorumVerifier majority(Set<Long> voters) {
        return weighted(voters.stream().collect(java.util.stream.Collectors.toMap(sid -> sid, sid -> 1L)));
    }

    /** More than half of the total weight, like Apache's QuorumHierarchical with a single group. */
    static QuorumVerifier weighted(Map<Long, Long> weights) {
        long totalWeight = weights.values().stream().mapToLong(Long::longValue).sum();
        return new QuorumVerifier() {
            @Override
            public Set<Long> votingMembers() {
                return Set.copyOf(weights.keySet());
            }

            @Override
            public long weight(long serverId) {
                return weights.getOrDefault(serverId, 0L);
            }

            @Override
            public boolean containsQuorum(Set<Long> serverIds) {
                long ackedWeight = serverIds.stream().mapToLong(this::weight).sum();
                return 2 * ackedWeight > totalWeight;
            }
        };
    }
}
