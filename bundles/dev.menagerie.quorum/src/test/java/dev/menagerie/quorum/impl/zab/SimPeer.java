package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.election.fle.impl.Decision;
import dev.menagerie.election.fle.impl.ElectionOutput;
import dev.menagerie.election.fle.impl.ElectionSettings;
import dev.menagerie.election.fle.impl.FastLeaderElectionCore;
import dev.menagerie.election.fle.impl.Outbound;
import dev.menagerie.election.fle.impl.PeerHistory;
import dev.menagerie.election.fle.impl.wire.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated quorum peer, composed as the real ZabPeer composes it: an election core that runs for the peer's
 * whole life, and after each decision a leader or learner role; when the role ends the peer replays its log into the
 * tree and elects again. Its disk survives crashes; its tree and cores do not.
 */
final class SimPeer implements PeerHistory {

    /** Apache's finalizeWait; the re-send interval is capped low so lost notifications cost seconds, not a minute. */
    private static final long FINALIZE_WAIT_MS = 200;
    private static final long MAX_NOTIFICATION_INTERVAL_MS = 1600;

    final long id;
    final boolean participant;
    final SimEnsemble ensemble;
    final SimWorld world;
    final SimDisk disk = new SimDisk();
    final SimReplica replica = new SimReplica(this);
    List<SimDisk.Txn> tree = new ArrayList<>();
    /** The zxid of the snapshot the tree was last built from, as the server's replica reports it. */
    long logIntactAfterZxid;
    private final SimRegisters registers = new SimRegisters();
    boolean up;
    int incarnation;
    FastLeaderElectionCore election;
    private long electionTickAtMs = Long.MAX_VALUE;
    SimLeader leading;
    SimLearner learning;
    /** How much of the tree the prefix invariant has checked since the peer started serving. */
    int checkedPrefix;

    SimPeer(long id, boolean participant, SimEnsemble ensemble) {
        this.id = id;
        this.participant = participant;
        this.ensemble = ensemble;
        this.world = ensemble.world;
    }

    @Override
    public long currentEpoch() {
        return disk.currentEpoch;
    }

    @Override
    public long lastLoggedZxid() {
        return lastZxid();
    }

    long lastZxid() {
        return tree.isEmpty() ? 0 : tree.get(tree.size() - 1).zxid();
    }

    boolean serving() {
        return (leading != null && leading.serving()) || (learning != null && learning.serving());
    }

    // ---- lifecycle ----

    /** Starts (or restarts) the server: the tree loads from disk, and a fresh election core starts looking. */
    void boot() {
        up = true;
        incarnation++;
        tree = disk.load();
        logIntactAfterZxid = disk.snapshotZxid();
        electionTickAtMs = Long.MAX_VALUE;
        election = new FastLeaderElectionCore(new ElectionSettings(id, participant, ensemble.verifier, "version=0",
                FINALIZE_WAIT_MS, FINALIZE_WAIT_MS, MAX_NOTIFICATION_INTERVAL_MS), this);
        world.note("peer " + id + " boots, last zxid 0x" + Long.toHexString(lastZxid()) + ", epochs "
                + disk.acceptedEpoch + "/" + disk.currentEpoch);
        lookForLeader();
        world.resendLastNotifications();
    }

    /** Power loss: un-synced log writes are gone, connections reset, memory is lost. */
    void crash() {
        world.note("peer " + id + " crashes");
        ensemble.clients.peerStopsServing(this);
        endRoleQuietly();
        up = false;
        incarnation++;
        disk.crash();
        election = null;
        tree = new ArrayList<>();
    }

    /** The role ended: back to election, voting with the whole log. */
    void endRole(String reason) {
        world.note("peer " + id + " ends its role: " + reason);
        endRoleQuietly();
        lookForLeader();
    }

    private void endRoleQuietly() {
        if (leading != null) {
            leading.stop();
            leading = null;
        }
        if (learning != null) {
            learning.stop();
            learning = null;
        }
    }

    private void lookForLeader() {
        replica.stopServing();
        applyElection(election.start(world.now()));
    }

    // ---- election ----

    void receiveNotification(long from, Notification n) {
        applyElection(election.receive(from, n, world.now()));
    }

    private void applyElection(ElectionOutput output) {
        for (Outbound message : output.messages()) {
            world.sendNotification(id, message.toSid(), message.notification());
        }
        if (output.decided()) {
            startRole(output.decision());
        }
        scheduleElectionTick();
    }

    private void scheduleElectionTick() {
        long deadlineMs = election.nextDeadlineMs();
        if (deadlineMs == Long.MAX_VALUE || deadlineMs >= electionTickAtMs) {
            return;
        }
        electionTickAtMs = deadlineMs;
        int bootedAs = incarnation;
        world.at(deadlineMs, () -> {
            if (up && incarnation == bootedAs && electionTickAtMs == deadlineMs) {
                electionTickAtMs = Long.MAX_VALUE;
                applyElection(election.tick(world.now()));
            }
        });
    }

    private void startRole(Decision decision) {
        world.check(leading == null && learning == null, "peer " + id + " decided while still in a role");
        long leaderId = decision.vote().leaderId();
        world.note("peer " + id + " decides " + decision.role() + " leader " + leaderId + " (zxid 0x"
                + Long.toHexString(decision.vote().zxid()) + ", epoch " + decision.vote().peerEpoch() + ")");
        if (decision.role() == PeerState.LEADING) {
            leading = new SimLeader(this);
            leading.start();
        } else {
            learning = new SimLearner(this, leaderId, participant ? LearnerRole.FOLLOWER : LearnerRole.OBSERVER);
            learning.start();
        }
    }

    // ---- the data tree ----

    /** Applies a committed transaction; the tree must grow in zxid order. */
    void apply(SimDisk.Txn txn) {
        world.check(txn.zxid() > lastZxid(), "peer " + id + " applies 0x" + Long.toHexString(txn.zxid())
                + " after 0x" + Long.toHexString(lastZxid()));
        tree.add(txn);
        if (serving()) {
            ensemble.checkServingTree(this);
        }
        ensemble.clients.applied(this, txn);
    }

    /** A register as this peer's tree holds it now. */
    SimRegisters.Register register(String key) {
        return registers.get(tree, key);
    }

    String describe() {
        String role = !up ? "DOWN" : leading != null ? "LEADING" + (leading.serving() ? "*" : "")
                : learning != null ? "LEARNING(" + learning.leaderId + ")" + (learning.serving() ? "*" : "")
                : String.valueOf(election.state());
        return "peer " + id + " " + role + " tree " + tree.size() + " last 0x" + Long.toHexString(lastZxid())
                + " epochs " + disk.acceptedEpoch + "/" + disk.currentEpoch;
    }
}
