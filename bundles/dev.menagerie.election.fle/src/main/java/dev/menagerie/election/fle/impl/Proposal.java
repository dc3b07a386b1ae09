package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;

/** Whom a peer proposes in the current round: a candidate with the history it would lead from. */
record Proposal(long leader, long zxid, long peerEpoch) {

    Vote toVote(long electionEpoch, PeerState state) {
        return new Vote(leader, zxid, electionEpoch, peerEpoch, state);
    }
}
