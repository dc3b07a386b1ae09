package dev.menagerie.election.fle.impl.sim;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.election.fle.impl.Quorums;
import java.util.List;
import java.util.Set;

/** An ensemble shape: who is there, who votes, and the quorum rule. */
record Layout(String name, QuorumVerifier verifier, List<Long> ids, Set<Long> participants) {

    static Layout forSeed(long seed) {
        switch ((int) Math.floorMod(seed, 4L)) {
            case 0:
                return majority(3, 0);
            case 1:
                return majority(5, 1);
            case 2:
                return majority(7, 0);
            default:
                return hierarchical();
        }
    }

    private static Layout majority(int voters, int observers) {
        List<Long> ids = new java.util.ArrayList<>();
        for (long id = 1; id <= voters + observers; id++) {
            ids.add(id);
        }
        QuorumVerifier verifier = Quorums.majority(voters, observers);
        return new Layout("majority of " + voters + (observers > 0 ? " + observer" : ""), verifier, ids,
                verifier.votingMembers());
    }

    /** Three groups, one member of weight 2, a participant of weight 0 (it follows, never votes), an observer. */
    private static Layout hierarchical() {
        QuorumVerifier verifier = Quorums.hierarchical(
                new long[] {1, 1, 2}, new long[] {2, 1, 1}, new long[] {3, 1, 1},
                new long[] {4, 2, 1}, new long[] {5, 2, 1}, new long[] {6, 2, 1},
                new long[] {7, 3, 1}, new long[] {8, 3, 0}, new long[] {9, -1, 1});
        return new Layout("hierarchical 3 groups + weight-0 + observer", verifier,
                List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
    }

    boolean isVoter(long id) {
        return verifier.votingMembers().contains(id);
    }
}
