package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.wire.Notification;
import dev.menagerie.election.fle.spi.TieBreak;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Apache ZooKeeper 3.9's FastLeaderElection for one peer, as a deterministic state machine: no sockets, threads or
 * clocks. The caller feeds it {@link #start}, {@link #receive} and {@link #tick} with the current time and sends
 * the returned messages; a returned decision has already changed {@link #state()}. Not thread-safe: one caller
 * (the network edge's event loop) owns it.
 *
 * <p>It plays both of Apache's parts: the {@code WorkerReceiver}, which answers every peer for as long as the
 * election runs (also while we lead or follow), and {@code lookForLeader}, one {@link LookingRound} per round.
 */
public final class FastLeaderElectionCore {

    private final ElectionSettings settings;
    private final PeerHistory history;
    private final VoteOrder order;
    private final ArrayDeque<Notification> loopback = new ArrayDeque<>();
    private List<Outbound> pending = new ArrayList<>();
    private Decision decision;
    private PeerState state = PeerState.LOOKING;
    private long logicalClock;
    private Vote currentVote;
    private LookingRound round;

    /** Apache's FastLeaderElection: equally up-to-date candidates are ordered by server id. */
    public FastLeaderElectionCore(ElectionSettings settings, PeerHistory history) {
        this(settings, history, TieBreak.SERVER_ID);
    }

    /** As Apache's, except that {@code tieBreak} orders equally up-to-date candidates before their server ids do. */
    public FastLeaderElectionCore(ElectionSettings settings, PeerHistory history, TieBreak tieBreak) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
        this.order = new VoteOrder(settings.verifier(), tieBreak);
    }

    /**
     * Starts a new round: the logical clock moves on, we propose ourselves with our current epoch and last zxid
     * (observers propose nobody), and tell every voter. A round under way is abandoned.
     */
    public ElectionOutput start(long nowMs) {
        Proposal initial = initialProposal();
        if (currentVote == null) {
            currentVote = initial.toVote(-1, PeerState.LOOKING);
        }
        state = PeerState.LOOKING;
        logicalClock++;
        round = new LookingRound(settings, order, logicalClock, initial, nowMs);
        broadcast();
        return flush(nowMs);
    }

    /** A notification that arrived from server {@code fromSid} (the id the connection's handshake gave). */
    public ElectionOutput receive(long fromSid, Notification n, long nowMs) {
        handle(fromSid, n, nowMs);
        return flush(nowMs);
    }

    /** Time passing; call it by {@link #nextDeadlineMs()} at the latest. */
    public ElectionOutput tick(long nowMs) {
        if (round != null) {
            apply(round.onTick(nowMs));
        }
        return flush(nowMs);
    }

    /** When the core next needs a {@link #tick}; {@link Long#MAX_VALUE} while no round runs. */
    public long nextDeadlineMs() {
        return round == null ? Long.MAX_VALUE : round.nextDeadlineMs();
    }

    public PeerState state() {
        return state;
    }

    /** The vote we stand by: the last decision, or before the first one our own candidacy; null before start. */
    public Vote currentVote() {
        return currentVote;
    }

    public long logicalClock() {
        return logicalClock;
    }

    /**
     * The leader established a new epoch: answer with it from now on, so that peers comparing votes of an
     * established ensemble (leader and epoch) count ours with the others' (Apache's {@code updateElectionVote}).
     */
    public void updatePeerEpoch(long newEpoch) {
        if (currentVote != null) {
            currentVote = new Vote(currentVote.leaderId(), currentVote.zxid(), currentVote.electionEpoch(), newEpoch,
                    currentVote.state());
        }
    }

    private void handle(long fromSid, Notification n, long nowMs) {
        if (!settings.isVoter(fromSid)) {
            // Observers and unknown servers get our standing vote and state, whatever they sent.
            answer(fromSid, state, currentVote, logicalClock);
            return;
        }
        PeerState senderState = n.state();
        if (senderState == null) {
            return;
        }
        if (state != PeerState.LOOKING) {
            if (senderState == PeerState.LOOKING) {
                answer(fromSid, state, currentVote, currentVote.electionEpoch());
            }
            return;
        }
        if (round == null) {
            return; // looking, but not started yet: nothing to count it in
        }
        boolean laggard = senderState == PeerState.LOOKING && n.electionEpoch() < logicalClock;
        apply(round.onNotification(fromSid, n, nowMs));
        if (laggard && state == PeerState.LOOKING) {
            // It is in an older round: our current proposal lets it catch up at once.
            Proposal proposal = round.proposal();
            send(fromSid, Notification.of(PeerState.LOOKING, proposal.leader(), proposal.zxid(), logicalClock,
                    proposal.peerEpoch(), settings.config()));
        }
    }

    private void apply(LookingRound.Step step) {
        logicalClock = round.logicalClock();
        if (step.broadcast()) {
            broadcast();
        }
        if (step.decision() != null) {
            decision = step.decision();
            currentVote = decision.vote();
            state = decision.role();
            round = null;
            loopback.clear(); // Apache's leaveInstance empties the queue of the finished round
        }
    }

    /** Our proposal to every voter, ourselves included: our own vote is counted like anyone's. */
    private void broadcast() {
        Proposal proposal = round.proposal();
        Notification n = Notification.of(PeerState.LOOKING, proposal.leader(), proposal.zxid(), logicalClock,
                proposal.peerEpoch(), settings.config());
        for (long sid : settings.verifier().votingMembers()) {
            send(sid, n);
        }
    }

    private void answer(long toSid, PeerState ourState, Vote vote, long electionEpoch) {
        if (vote == null) {
            return; // nothing to stand by before the first start
        }
        send(toSid, Notification.of(ourState, vote.leaderId(), vote.zxid(), electionEpoch, vote.peerEpoch(),
                settings.config()));
    }

    private void send(long toSid, Notification n) {
        if (toSid == settings.myId()) {
            loopback.add(n);
        } else {
            pending.add(new Outbound(toSid, n));
        }
    }

    private ElectionOutput flush(long nowMs) {
        while (!loopback.isEmpty()) {
            handle(settings.myId(), loopback.poll(), nowMs);
        }
        ElectionOutput output = new ElectionOutput(pending, decision);
        pending = new ArrayList<>();
        decision = null;
        return output;
    }

    private Proposal initialProposal() {
        long leader = settings.isVoter(settings.myId()) ? settings.myId() : Long.MIN_VALUE;
        if (!settings.participant()) {
            return new Proposal(leader, Long.MIN_VALUE, Long.MIN_VALUE);
        }
        return new Proposal(leader, history.lastLoggedZxid(), history.currentEpoch());
    }
}
