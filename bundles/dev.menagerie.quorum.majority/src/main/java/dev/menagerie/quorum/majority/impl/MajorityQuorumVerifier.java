package dev.menagerie.quorum.majority.impl;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Every participant has one vote; a quorum is more than half of the participants. Immutable. */
final class MajorityQuorumVerifier implements QuorumVerifier {

    private final SortedSet<Long> voters;

    MajorityQuorumVerifier(Set<Long> voters) {
        this.voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
    }

    @Override
    public Set<Long> votingMembers() {
        return voters;
    }

    @Override
    public long weight(long serverId) {
        return voters.contains(serverId) ? 1L : 0L;
    }

    @Override
    public boolean containsQuorum(Set<Long> serverIds) {
        return Majority.isQuorum(Majority.countVoters(serverIds, voters), voters.size());
    }

    @Override
    public String toString() {
        return "majority of " + voters;
    }
}
