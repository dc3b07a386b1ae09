package dev.menagerie.election.fle.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.List;

/** A quorum peer as the election sees it, with the log facts and role a test sets. */
final class FakeContext implements ElectionContext {

    private final long myId;
    private final List<QuorumMember> members;
    private final QuorumVerifier verifier;
    volatile PeerState state = PeerState.LOOKING;
    volatile Vote currentVote;
    volatile long lastLoggedZxid;
    volatile long currentEpoch;

    FakeContext(long myId, List<QuorumMember> members, QuorumVerifier verifier) {
        this.myId = myId;
        this.members = List.copyOf(members);
        this.verifier = verifier;
    }

    /** What a quorum peer does with a decided vote: take the role it names and stand by it. */
    void adopt(Vote vote) {
        currentVote = vote;
        state = vote.state();
    }

    /** What a quorum peer does before a new round: look again. */
    void lookAgain() {
        state = PeerState.LOOKING;
    }

    @Override
    public long myId() {
        return myId;
    }

    @Override
    public List<QuorumMember> members() {
        return members;
    }

    @Override
    public QuorumVerifier verifier() {
        return verifier;
    }

    @Override
    public PeerState state() {
        return state;
    }

    @Override
    public Vote currentVote() {
        return currentVote;
    }

    @Override
    public long lastLoggedZxid() {
        return lastLoggedZxid;
    }

    @Override
    public long currentEpoch() {
        return currentEpoch;
    }
}
