package dev.menagerie.quorum.majority.impl;

import java.util.Set;

/** Majority arithmetic as pure functions over counts and id sets, as in Apache ZooKeeper's QuorumMaj. */
final class Majority {

    private Majority() {
    }

    /** The most voters that are still not a quorum: half of them, rounded down. */
    static int half(int voterCount) {
        return voterCount / 2;
    }

    /** True when the voters present are more than half of all voters. */
    static boolean isQuorum(int presentVoterCount, int voterCount) {
        return presentVoterCount > half(voterCount);
    }

    /** How many of {@code ids} are voters; other ids (observers, unknown servers) do not count. */
    static int countVoters(Set<Long> ids, Set<Long> voters) {
        int present = 0;
        for (Long id : ids) {
            if (voters.contains(id)) {
                present++;
            }
        }
        return present;
    }
}
