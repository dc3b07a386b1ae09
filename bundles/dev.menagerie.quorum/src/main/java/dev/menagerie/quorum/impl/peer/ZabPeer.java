package dev.menagerie.quorum.impl.peer;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.quorum.impl.zab.LeaderRunner;
import dev.menagerie.quorum.impl.sasl.SaslPeerAuthenticator;
import dev.menagerie.quorum.impl.tls.TlsPeerSockets;
import dev.menagerie.quorum.impl.zab.LearnerRunner;
import dev.menagerie.quorum.impl.zab.TransferRequest;
import dev.menagerie.quorum.impl.zab.ZabMetrics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quorum peer, in Apache's QuorumPeer order: the server has loaded the database and opened the client port;
 * this peer opens the election port, elects, then leads, follows or observes until that role ends, and elects
 * again. Ending a role stops the replica's serving, which also replays into the data tree whatever the log holds
 * beyond it (Apache's fastForwardDataBase), so the peer votes with, and a new leader starts from, its whole log.
 */
final class ZabPeer implements QuorumPeer, ElectionContext {

    private static final Logger LOG = LoggerFactory.getLogger(ZabPeer.class);

    private final Replica replica;
    private final ElectionFactory electionFactory;
    private final Supplier<QuorumVerifier> verifiers;
    private volatile QuorumVerifier verifier;
    private final long myId;
    private final QuorumMember me;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final ZabMetrics metrics;
    private final Thread thread;
    private volatile Election election;
    private volatile boolean closed;
    private volatile PeerState state = PeerState.LOOKING;
    private volatile Vote currentVote;
    private volatile long leaderId = -1;
    private volatile LeaderRunner leading;
    private volatile LearnerRunner learning;
    /** The transfer the last leadership ended for, completed by the next election; written by the peer thread. */
    private volatile TransferRequest handedOver;
    /** The last election's duration that made this peer leader or follower ({@link #electionTimeTakenMs}). */
    private volatile long electionTimeTakenMs;

    /**
     * Fails when zoo.cfg asks for quorum TLS or SASL that cannot be set up (a store that cannot be read, a JAAS
     * section that is missing or uses Kerberos).
     */
    ZabPeer(Replica replica, ElectionFactory electionFactory, Supplier<QuorumVerifier> verifiers,
            ZabMetrics metrics) throws IOException {
        this.replica = replica;
        this.metrics = metrics;
        this.electionFactory = electionFactory;
        this.verifiers = verifiers;
        this.myId = replica.config().myId().orElseThrow(() -> new IllegalArgumentException(
                "quorum mode needs a myid file in the dataDir"));
        this.me = replica.config().members().stream().filter(m -> m.id() == myId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("server " + myId + " is not among the servers of "
                        + replica.config().configFile()));
        this.sockets = TlsPeerSockets.of(replica.config());
        this.authenticator = SaslPeerAuthenticator.of(replica.config());
        this.thread = new Thread(this::run, "menagerie-quorum-peer-" + myId);
    }

    void start() {
        thread.start();
    }

    @Override
    public PeerState state() {
        return state;
    }

    @Override
    public long leaderId() {
        return leaderId;
    }

    @Override
    public void close() {
        closed = true;
        stopRole("the server is shutting down");
        Election open = election;
        if (open != null) {
            open.close();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replica.stopServing();
        TransferRequest pending = handedOver;
        if (pending != null) {
            pending.noElection("this server left the ensemble before the next election ended");
        }
    }

    @Override
    public Map<String, Object> monitorValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("peer_state", detailedState());
        QuorumVerifier active = verifier;
        if (active != null) {
            // Apache's quorum_size gauge: the voting members, observers not counted.
            values.put("quorum_size", active.votingMembers().size());
        }
        LeaderRunner leader = leading;
        if (leader != null) {
            values.putAll(leader.monitorValues());
        }
        return values;
    }

    @Override
    public List<LearnerConnection> learnerConnections() {
        LeaderRunner leader = leading;
        return leader == null ? List.of() : leader.learnerConnections();
    }

    @Override
    public boolean terminateLearnerConnection(long sid) {
        LeaderRunner leader = leading;
        return leader != null && leader.dropLearner(sid);
    }

    @Override
    public CompletionStage<LeadershipTransfer> transferLeadership(long targetSid) {
        TransferRequest request = new TransferRequest(targetSid);
        LeaderRunner leader = leading;
        if (members().stream().noneMatch(member -> member.id() == targetSid)) {
            request.refuse("server " + targetSid + " is not a member of the ensemble");
        } else if (leader == null) {
            request.refuse("this server is not the leader (" + state.name().toLowerCase(java.util.Locale.ROOT)
                    + (leaderId >= 0 ? ", the leader is server " + leaderId : "") + ")");
        } else {
            leader.transfer(request);
        }
        return request.outcome();
    }

    /** Apache's getDetailedPeerState: the role and the Zab phase ("following - broadcast"). */
    private String detailedState() {
        PeerState now = state;
        String phase = now == PeerState.LOOKING ? "election" : rolePhase();
        return now.name().toLowerCase(java.util.Locale.ROOT) + " - " + phase;
    }

    /**
     * Apache's ZabState in lower case. The discovery of a new epoch is not told apart from the synchronization
     * that follows it: both report {@code synchronization}.
     */
    @Override
    public String zabState() {
        return state == PeerState.LOOKING ? "election" : rolePhase();
    }

    private String rolePhase() {
        LeaderRunner leader = leading;
        LearnerRunner learner = learning;
        boolean serving = (leader != null && leader.isServing()) || (learner != null && learner.isServing());
        return serving ? "broadcast" : "synchronization";
    }

    // ---- ElectionContext ----

    @Override
    public long myId() {
        return myId;
    }

    @Override
    public List<QuorumMember> members() {
        return replica.config().members();
    }

    @Override
    public QuorumVerifier verifier() {
        return verifier;
    }

    @Override
    public PeerSockets peerSockets() {
        return sockets;
    }

    @Override
    public PeerAuthenticator peerAuthenticator() {
        return authenticator;
    }

    @Override
    public Vote currentVote() {
        Vote vote = currentVote;
        if (vote != null && state != PeerState.LOOKING) {
            // As Apache's updateElectionVote (ZOOKEEPER-1732): once the epoch is established, every member
            // reports it, so that a server starting later sees the same vote from all of them.
            long established = establishedEpoch();
            return established < 0 ? vote : new Vote(vote.leaderId(), vote.zxid(), vote.electionEpoch(),
                    established, vote.state());
        }
        return new Vote(myId, lastLoggedZxid(), 0, currentEpoch(), PeerState.LOOKING);
    }

    private long establishedEpoch() {
        LeaderRunner leader = leading;
        if (leader != null) {
            return leader.servingEpoch();
        }
        LearnerRunner learner = learning;
        return learner == null ? -1 : learner.servingEpoch();
    }

    @Override
    public long lastLoggedZxid() {
        return replica.lastProcessedZxid();
    }

    @Override
    public long currentEpoch() {
        try {
            return replica.storage().currentEpoch();
        } catch (IOException e) {
            LOG.error("Reading the currentEpoch file failed: {}", e.getMessage());
            return 0;
        }
    }

    // ---- the peer thread ----

    private void run() {
        try {
            verifier = awaitVerifier();
            election = electionFactory.create(this);
            if (closed) {
                election.close(); // close() ran while the port was opening
                return;
            }
        } catch (IOException e) {
            LOG.error("The election port could not be opened: {}; this server stays out of the ensemble",
                    e.getMessage());
            return;
        } catch (InterruptedException e) {
            return;
        }
        while (!closed) {
            try {
                state = PeerState.LOOKING;
                leaderId = -1;
                metrics.lookingCount.increment();
                metrics.lookingStarted();
                long started = System.nanoTime();
                Vote vote = electLeader();
                if (vote == null) {
                    return;
                }
                if (handedOver != null) {
                    handedOver.elected(vote.leaderId());
                    handedOver = null;
                }
                currentVote = vote;
                leaderId = vote.leaderId();
                LOG.info("Election done in {} ms: leader {} (zxid 0x{}, epoch {})",
                        (System.nanoTime() - started) / 1_000_000, vote.leaderId(), Long.toHexString(vote.zxid()),
                        vote.peerEpoch());
                String reason = runRole(vote, (System.nanoTime() - started) / 1_000_000);
                replica.stopServing();
                if (!closed) {
                    LOG.warn("{} ended: {}; electing a new leader", roleName(), reason);
                }
            } catch (InterruptedException e) {
                if (!closed) {
                    LOG.warn("The peer thread was interrupted; leaving the ensemble");
                }
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.error("The quorum peer failed ({}); electing again", e.toString());
                replica.stopServing();
                pause();
            }
        }
    }

    /**
     * One election round; null when the election itself failed (a step threw), which stops the server: its state
     * is unknown, and electing on with it could put two leaders in one epoch. A round that was cancelled because
     * the peer closes throws the CancellationException instead.
     */
    private Vote electLeader() throws InterruptedException {
        try {
            return election.lookForLeader().toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (!closed) {
                replica.failStop("the leader election failed", e.getCause());
            }
            return null;
        }
    }

    /** The verifier bundle may register its service a moment after this peer starts; wait for it. */
    private QuorumVerifier awaitVerifier() throws InterruptedException {
        boolean logged = false;
        while (!closed) {
            QuorumVerifier active = verifiers.get();
            if (active != null) {
                return active;
            }
            if (!logged) {
                LOG.info("Waiting for a quorum verifier of type '{}' before electing",
                        replica.config().verifierType());
                logged = true;
            }
            Thread.sleep(50);
        }
        throw new InterruptedException("closed");
    }

    /** @param electionMs how long the election took, which Apache records as a leader's or follower's */
    private String runRole(Vote vote, long electionMs) throws IOException, InterruptedException {
        if (vote.leaderId() == myId) {
            state = PeerState.LEADING;
            electionTimeTaken(electionMs);
            LeaderRunner runner = new LeaderRunner(myId, verifier, replica, me.quorumAddress(), sockets,
                    authenticator, metrics);
            leading = runner;
            try {
                return closed ? "closed" : runner.run();
            } finally {
                leading = null;
                handedOver = runner.steppedDownFor();
            }
        }
        QuorumMember leader = members().stream().filter(m -> m.id() == vote.leaderId()).findFirst().orElse(null);
        if (leader == null) {
            return "the elected leader " + vote.leaderId() + " is not among the configured servers";
        }
        boolean observer = me.type() == LearnerType.OBSERVER;
        state = observer ? PeerState.OBSERVING : PeerState.FOLLOWING;
        if (!observer) {
            electionTimeTaken(electionMs);
        }
        LearnerRunner runner = new LearnerRunner(myId, observer, replica, leader.id(), leader.quorumAddress(),
                sockets, authenticator, metrics);
        learning = runner;
        try {
            return closed ? "closed" : runner.run();
        } finally {
            learning = null;
        }
    }

    private void electionTimeTaken(long electionMs) {
        metrics.electionTimeMs.record(electionMs);
        electionTimeTakenMs = electionMs;
    }

    @Override
    public long electionTimeTakenMs() {
        return electionTimeTakenMs;
    }

    private void stopRole(String reason) {
        LeaderRunner leader = leading;
        if (leader != null) {
            leader.stop(reason);
        }
        LearnerRunner learner = learning;
        if (learner != null) {
            learner.stop(reason);
        }
    }

    private String roleName() {
        return switch (state) {
            case LEADING -> "Leading";
            case FOLLOWING -> "Following";
            case OBSERVING -> "Observing";
            default -> "Looking";
        };
    }

    private void pause() {
        try {
            Thread.sleep(Math.max(100, replica.config().tickTimeMs()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
