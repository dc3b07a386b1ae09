package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.election.fle.impl.wire.Notification;
import java.util.Set;

/**
 * One run of Apache's {@code lookForLeader}: the proposal, the votes of this round ({@code recvset}), the votes of
 * peers that already lead or follow ({@code outofelection}) and the two timers. It is fed notifications from voters
 * and clock readings, and answers with a {@link Step}; sending and role changes are the core's job.
 */
final class LookingRound {

    /** What the core must do after an input: broadcast our proposal, adopt a decision, or nothing. */
    record Step(boolean broadcast, Decision decision) {
        static final Step NOTHING = new Step(false, null);
        static final Step BROADCAST = new Step(true, null);

        static Step decided(Decision decision) {
            return new Step(false, decision);
        }
    }

    private static final long NOT_FINALIZING = Long.MAX_VALUE;

    private final ElectionSettings settings;
    private final VoteOrder order;
    private final Proposal initial;
    private final NotificationBackoff backoff;
    private final VoteTally recvset = new VoteTally();
    private final VoteTally outOfElection = new VoteTally();
    private long logicalClock;
    private Proposal proposal;
    private long idleDeadlineMs;
    private long finalizeDeadlineMs = NOT_FINALIZING;
    private Set<Long> pendingSupporters = Set.of();

    LookingRound(ElectionSettings settings, VoteOrder order, long logicalClock, Proposal initial, long nowMs) {
        this.settings = settings;
        this.order = order;
        this.logicalClock = logicalClock;
        this.initial = initial;
        this.proposal = initial;
        this.backoff = new NotificationBackoff(settings.minNotificationIntervalMs(),
                settings.maxNotificationIntervalMs());
        this.idleDeadlineMs = nowMs + backoff.intervalMs();
    }

    long logicalClock() {
        return logicalClock;
    }

    Proposal proposal() {
        return proposal;
    }

    long nextDeadlineMs() {
        return finalizing() ? finalizeDeadlineMs : idleDeadlineMs;
    }

    /** A notification from voter {@code sid} whose state is known. */
    Step onNotification(long sid, Notification n, long nowMs) {
        if (finalizing()) {
            if (!order.supersedes(candidateOf(n), proposal)) {
                // Apache drops what cannot change the outcome and waits finalizeWait again from now.
                finalizeDeadlineMs = nowMs + settings.finalizeWaitMs();
                return Step.NOTHING;
            }
            finalizeDeadlineMs = NOT_FINALIZING;
        }
        idleDeadlineMs = nowMs + backoff.intervalMs();
        if (!settings.isVoter(n.leader())) {
            return Step.NOTHING;
        }
        PeerState state = n.state();
        if (state == PeerState.LOOKING) {
            return onLooking(sid, n, nowMs);
        }
        if (state == PeerState.FOLLOWING || state == PeerState.LEADING) {
            return onEstablished(sid, n);
        }
        return Step.NOTHING; // observers' notifications carry no vote
    }

    /** Time passing: decide once finalizeWait passed quietly, or re-send our vote after a silence. */
    Step onTick(long nowMs) {
        if (finalizing()) {
            if (nowMs < finalizeDeadlineMs) {
                return Step.NOTHING;
            }
            PeerState role = roleFor(proposal.leader());
            return Step.decided(new Decision(proposal.toVote(logicalClock, role), role, pendingSupporters));
        }
        if (nowMs < idleDeadlineMs) {
            return Step.NOTHING;
        }
        backoff.expired();
        idleDeadlineMs = nowMs + backoff.intervalMs();
        return Step.BROADCAST;
    }

    private Step onLooking(long sid, Notification n, long nowMs) {
        // A log at zxid -1 is unusable (Apache skips such peers, and such a peer skips everyone).
        if (initial.zxid() == -1 || n.zxid() == -1) {
            return Step.NOTHING;
        }
        boolean broadcast = false;
        Proposal theirs = candidateOf(n);
        if (n.electionEpoch() > logicalClock) {
            // A newer round: what we counted belongs to an old one. Restart from our own candidacy.
            logicalClock = n.electionEpoch();
            recvset.clear();
            proposal = order.supersedes(theirs, initial) ? theirs : initial;
            broadcast = true;
        } else if (n.electionEpoch() < logicalClock) {
            return Step.NOTHING; // the core answers the laggard with our vote
        } else if (order.supersedes(theirs, proposal)) {
            proposal = theirs;
            broadcast = true;
        }
        recvset.put(sid, Ballot.looking(n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch()));
        Set<Long> supporters = recvset.quorumFor(
                Ballot.looking(proposal.leader(), proposal.zxid(), logicalClock, proposal.peerEpoch()),
                settings.verifier());
        if (supporters != null) {
            pendingSupporters = supporters;
            finalizeDeadlineMs = nowMs + settings.finalizeWaitMs();
        }
        return broadcast ? Step.BROADCAST : Step.NOTHING;
    }

    /**
     * A peer that already follows or leads. Join its leader when a quorum agrees on it and the leader itself says
     * it leads: first among the votes of our own round, then among every such vote we ever heard, which lets a
     * peer that arrives late (a higher round than the ensemble's) find the established leader.
     */
    private Step onEstablished(long sid, Notification n) {
        Ballot theirs = new Ballot(n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), n.state(), n.version());
        if (n.electionEpoch() == logicalClock) {
            // Apache records these without their format version, so against them only the leader is compared.
            recvset.put(sid, new Ballot(n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), n.state(), 0));
            Decision decision = joinIfConfirmed(recvset, theirs);
            if (decision != null) {
                return Step.decided(decision);
            }
        }
        outOfElection.put(sid, theirs);
        Decision decision = joinIfConfirmed(outOfElection, theirs);
        if (decision != null) {
            logicalClock = n.electionEpoch();
            return Step.decided(decision);
        }
        return Step.NOTHING;
    }

    private Decision joinIfConfirmed(VoteTally tally, Ballot theirs) {
        Set<Long> supporters = tally.quorumFor(theirs, settings.verifier());
        if (supporters == null
                || !tally.leaderConfirmed(theirs.leader(), theirs.electionEpoch(), settings.myId(), logicalClock)) {
            return null;
        }
        PeerState role = roleFor(theirs.leader());
        Proposal elected = new Proposal(theirs.leader(), theirs.zxid(), theirs.peerEpoch());
        return new Decision(elected.toVote(theirs.electionEpoch(), role), role, supporters);
    }

    private PeerState roleFor(long leader) {
        if (leader == settings.myId()) {
            return PeerState.LEADING;
        }
        return settings.participant() ? PeerState.FOLLOWING : PeerState.OBSERVING;
    }

    private boolean finalizing() {
        return finalizeDeadlineMs != NOT_FINALIZING;
    }

    private static Proposal candidateOf(Notification n) {
        return new Proposal(n.leader(), n.zxid(), n.peerEpoch());
    }
}
