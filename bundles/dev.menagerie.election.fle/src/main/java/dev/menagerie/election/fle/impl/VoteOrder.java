package dev.menagerie.election.fle.impl;

import dev.menagerie.api.quorum.QuorumVerifier;

/** Apache's {@code totalOrderPredicate}: which of two proposals a peer should stand by. */
final class VoteOrder {

    private VoteOrder() {
    }

    /**
     * True when {@code candidate} should replace {@code current}: it beats it by (peer epoch, zxid, leader id), and
     * its leader has a vote weight. A weight-0 member could lead no quorum, so it never wins, however recent its log.
     */
    static boolean supersedes(Proposal candidate, Proposal current, QuorumVerifier verifier) {
        if (verifier.weight(candidate.leader()) == 0) {
            return false;
        }
        return candidate.toVote(0, null).beats(current.toVote(0, null));
    }
}
