package dev.menagerie.quorum.contract;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One random ensemble and the verifier built for it. Subsets of the ensemble are bit masks over the member list
 * (bit i is members.get(i)), so small ensembles can be checked exhaustively.
 */
public record Trial(long seed, long runSeed, List<QuorumMember> members, QuorumVerifier verifier) {

    /** Every subset of the members, as masks from 0 (empty) to all bits set. */
    public int subsetCount() {
        return 1 << members.size();
    }

    public Set<Long> ids(int mask) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                ids.add(members.get(i).id());
            }
        }
        return ids;
    }

    /** The mask of the members the verifier says vote. */
    public int votingMask() {
        int mask = 0;
        for (int i = 0; i < members.size(); i++) {
            if (verifier.votingMembers().contains(members.get(i).id())) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    public boolean isQuorum(int mask) {
        return verifier.containsQuorum(ids(mask));
    }

    /** The masks that are quorums. */
    public BitSet quorums() {
        BitSet quorums = new BitSet(subsetCount());
        for (int mask = 0; mask < subsetCount(); mask++) {
            quorums.set(mask, isQuorum(mask));
        }
        return quorums;
    }
}
