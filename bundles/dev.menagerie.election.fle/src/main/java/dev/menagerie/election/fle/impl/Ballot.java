package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;

/**
 * A vote as it is tallied: Apache's {@code Vote} with its format version and state, because which fields must match
 * for two ballots to count as the same vote depends on both.
 */
record Ballot(long leader, long zxid, long electionEpoch, long peerEpoch, PeerState state, int version) {

    /** A LOOKING peer's vote in a round; 3.9 does not keep the version of those. */
    static Ballot looking(long leader, long zxid, long electionEpoch, long peerEpoch) {
        return new Ballot(leader, zxid, electionEpoch, peerEpoch, PeerState.LOOKING, 0);
    }

    /**
     * Apache's {@code Vote.equals}. While either side is still looking, the whole vote must match. Votes of peers
     * that already lead or follow differ harmlessly in zxid and round (ZOOKEEPER-1805), so there only the leader
     * and its epoch count; and when just one side is a pre-3.4.6 format (version 0), whose peer epochs were
     * computed differently (ZOOKEEPER-1732), only the leader.
     */
    boolean agreesWith(Ballot other) {
        if (state == PeerState.LOOKING || other.state == PeerState.LOOKING) {
            return leader == other.leader && zxid == other.zxid && electionEpoch == other.electionEpoch
                    && peerEpoch == other.peerEpoch;
        }
        if ((version > 0) != (other.version > 0)) {
            return leader == other.leader;
        }
        return leader == other.leader && peerEpoch == other.peerEpoch;
    }
}
