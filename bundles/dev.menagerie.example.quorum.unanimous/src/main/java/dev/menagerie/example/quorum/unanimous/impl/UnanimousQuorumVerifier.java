package dev.menagerie.example.quorum.unanimous.impl;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A quorum only when every voter is present. Any single failure stops writes, so this is a teaching example, not a
 * production strategy. Immutable, as the contract asks: election and Zab call it from any thread.
 */
final class UnanimousQuorumVerifier implements QuorumVerifier {

    private final SortedSet<Long> voters;

    UnanimousQuorumVerifier(Set<Long> voters) {
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
        return serverIds.containsAll(voters);
    }

    @Override
    public String toString() {
        return "unanimous " + voters;
    }
}
