package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The latest ballot of every voter heard from; a newer ballot from the same voter replaces its older one. */
final class VoteTally {

    private final Map<Long, Ballot> ballotBySid = new HashMap<>();

    void put(long sid, Ballot ballot) {
        ballotBySid.put(sid, ballot);
    }

    void clear() {
        ballotBySid.clear();
    }

    /** The ids whose ballots agree with {@code ballot}, or null when they are no quorum. */
    Set<Long> quorumFor(Ballot ballot, QuorumVerifier verifier) {
        Set<Long> supporters = new TreeSet<>();
        Set<Long> voters = verifier.votingMembers();
        for (Map.Entry<Long, Ballot> entry : ballotBySid.entrySet()) {
            if (voters.contains(entry.getKey()) && ballot.agreesWith(entry.getValue())) {
                supporters.add(entry.getKey());
            }
        }
        return verifier.containsQuorum(supporters) ? supporters : null;
    }

    /**
     * Apache's {@code checkLeader}: a quorum for someone else only counts once that leader itself says it leads,
     * so peers do not keep electing a leader that crashed; a quorum for us only counts in our own round.
     */
    boolean leaderConfirmed(long leader, long electionEpoch, long myId, long logicalClock) {
        if (leader == myId) {
            return logicalClock == electionEpoch;
        }
        Ballot leaders = ballotBySid.get(leader);
        return leaders != null && leaders.state() == PeerState.LEADING;
    }
}
