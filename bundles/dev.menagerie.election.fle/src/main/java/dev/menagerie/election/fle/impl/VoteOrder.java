package dev.menagerie.election.fle.impl;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.election.fle.spi.TieBreak;
import java.util.Objects;

/**
 * Apache's {@code totalOrderPredicate}, with the tie-break among equally up-to-date candidates as a parameter: which
 * of two proposals a peer should stand by.
 */
final class VoteOrder {

    private final QuorumVerifier verifier;
    private final TieBreak tieBreak;

    VoteOrder(QuorumVerifier verifier, TieBreak tieBreak) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.tieBreak = Objects.requireNonNull(tieBreak, "tieBreak");
    }

    /**
     * True when {@code candidate} should replace {@code current}: it beats it by (peer epoch, zxid, tie-break,
     * leader id), and its leader has a vote weight. A weight-0 member could lead no quorum, so it never wins,
     * however recent its log.
     */
    boolean supersedes(Proposal candidate, Proposal current) {
        if (verifier.weight(candidate.leader()) == 0) {
            return false;
        }
        if (candidate.peerEpoch() != current.peerEpoch()) {
            return candidate.peerEpoch() > current.peerEpoch();
        }
        if (candidate.zxid() != current.zxid()) {
            return candidate.zxid() > current.zxid();
        }
        int preference = tieBreak.compare(candidate.leader(), current.leader());
        return preference != 0 ? preference > 0 : candidate.leader() > current.leader();
    }
}
