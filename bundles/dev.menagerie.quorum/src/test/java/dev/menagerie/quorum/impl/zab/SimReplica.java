package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.OpCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One simulated peer's server as the Zab effects see it, through the same {@link Replica} contract the real server
 * implements: the data tree is the peer's list of applied transactions, the storage its {@link SimDisk}. Client
 * writes on a serving leader go through the {@link Proposer} the effects hand over, and are applied and
 * acknowledged when its future completes, as the server's commit stage does. On a serving learner they go through
 * the {@link Forwarder} the learner's effects hand over, and are answered when the learner applies them.
 */
final class SimReplica implements Replica {

    /**
     * A committed window far smaller than Apache's 500, so that learners coming back from a crash or a partition
     * are often behind it and get synced from the log (or a snapshot, when the log would be too long).
     */
    static final int COMMIT_LOG_COUNT = 20;
    private static final ServerConfig CONFIG = TestConfigs.zab(SimEnsemble.TICK_MS, SimEnsemble.INIT_LIMIT_TICKS,
            SimEnsemble.SYNC_LIMIT_TICKS, Map.of("commitLogCount", Integer.toString(COMMIT_LOG_COUNT)));
    /** A snapshot entry's size besides its body, as the server's estimate counts a node's stat and lengths. */
    private static final long SNAPSHOT_BYTES_PER_TXN = 76;

    private final SimPeer peer;
    private final SimStorage storage;
    private Proposer proposer;
    private Forwarder forwarder;
    private long lastProposedZxid;
    /** Writes that arrived while a leadership transfer held requests, in order; null when not held. */
    private List<String> heldWrites;

    SimReplica(SimPeer peer) {
        this.peer = peer;
        this.storage = new SimStorage(peer);
    }

    /** A client write on a serving leader: numbered, logged and proposed; applied and acknowledged once committed. */
    void write(String body) {
        if (heldWrites != null) {
            heldWrites.add(body);
            return;
        }
        long zxid = ++lastProposedZxid;
        LogEntry entry = new LogEntry(zxid, SimDisk.bytes(body));
        proposer.propose(entry, storage.append(entry)).thenRun(() -> {
            SimDisk.Txn txn = new SimDisk.Txn(zxid, body);
            peer.apply(txn);
            peer.ensemble.acknowledged(peer, txn);
        });
    }

    boolean servingAsLeader() {
        return proposer != null;
    }

    /** Serving as leader or learner: clients may use this server. */
    boolean servesClients() {
        return proposer != null || forwarder != null;
    }

    /** A client's write: proposed here on a leader, forwarded to the leader by a learner. */
    void clientWrite(long sessionId, long opId, String body) {
        if (proposer != null) {
            write(body);
        } else {
            forwarder.forward(sessionId, (int) opId, OpCode.SET_DATA, SimDisk.bytes(body), List.of());
        }
    }

    /** A client's sync before a read: the leader's own, or a learner's through its leader. */
    CompletionStage<Void> syncForClient() {
        return proposer != null ? proposer.sync() : forwarder.sync();
    }

    /** Every write proposed in this leader's epoch is applied (trivially so before the first). */
    boolean everythingCommitted() {
        return Zxids.isEpochStart(lastProposedZxid) || lastProposedZxid == peer.lastZxid();
    }

    @Override
    public ServerConfig config() {
        return CONFIG;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public long lastProcessedZxid() {
        return peer.lastZxid();
    }

    @Override
    public void writeSnapshot(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(peer.tree.size());
        for (SimDisk.Txn txn : peer.tree) {
            data.writeLong(txn.zxid());
            data.writeUTF(txn.body());
        }
        data.flush();
    }

    @Override
    public void loadSnapshot(InputStream in, long zxid) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int count = data.readInt();
        List<SimDisk.Txn> tree = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SimDisk.Txn txn = new SimDisk.Txn(data.readLong(), data.readUTF());
            if (txn.zxid() <= zxid) {
                tree.add(txn);
            }
        }
        peer.world.note("peer " + peer.id + " loads a snapshot as of 0x" + Long.toHexString(zxid));
        peer.tree = tree;
        peer.logIntactAfterZxid = zxid;
    }

    @Override
    public void truncate(long zxid) {
        peer.world.note("peer " + peer.id + " truncates its log after 0x" + Long.toHexString(zxid));
        peer.disk.truncate(zxid);
        peer.tree = peer.disk.load();
        peer.logIntactAfterZxid = peer.disk.snapshotZxid();
    }

    @Override
    public long logIntactAfterZxid() {
        return peer.logIntactAfterZxid;
    }

    @Override
    public long snapshotSizeEstimate() {
        long bytes = 0;
        for (SimDisk.Txn txn : peer.tree) {
            bytes += SimDisk.bytes(txn.body()).length + SNAPSHOT_BYTES_PER_TXN;
        }
        return bytes;
    }

    @Override
    public void takeSnapshot() {
        peer.disk.saveSnapshot(peer.tree);
    }

    @Override
    public void applyCommitted(LogEntry entry) {
        peer.apply(new SimDisk.Txn(entry.zxid(), SimDisk.text(entry.txnBytes())));
    }

    @Override
    public void serveAsLeader(long lastZxid, Proposer leaderProposer) {
        this.proposer = leaderProposer;
        this.lastProposedZxid = lastZxid;
        long epoch = Zxids.epoch(lastZxid);
        peer.election.updatePeerEpoch(epoch);
        peer.ensemble.leaderStartsServing(peer, epoch);
    }

    @Override
    public void serveAsLearner(Forwarder learnerForwarder) {
        this.forwarder = learnerForwarder;
        // As ZabPeer's vote once in sync: the leader's epoch, so late peers see one vote from everyone.
        peer.election.updatePeerEpoch(peer.learning.leaderEpoch());
        peer.checkedPrefix = 0;
        peer.ensemble.checkServingTree(peer);
    }

    /** The simulation has no fatal failures to inject: one reported is a bug the run must show. */
    @Override
    public void failStop(String what, Throwable cause) {
        throw new AssertionError("server " + peer + " fail-stopped: " + what, cause);
    }

    @Override
    public CompletionStage<Long> holdRequests() {
        if (proposer == null || heldWrites != null) {
            return CompletableFuture.failedStage(new IllegalStateException("not a leader, or held already"));
        }
        heldWrites = new ArrayList<>();
        return CompletableFuture.completedStage(lastProposedZxid);
    }

    @Override
    public void releaseRequests() {
        List<String> waiting = heldWrites;
        heldWrites = null;
        if (waiting != null && proposer != null) {
            waiting.forEach(this::write);
        }
    }

    /** The role ended: no more writes, and the tree catches up with the log, as the server's stopServing does. */
    @Override
    public void stopServing() {
        heldWrites = null;
        proposer = null;
        forwarder = null;
        peer.ensemble.clients.peerStopsServing(peer);
        peer.disk.fastForward(peer.tree);
    }

    /** A learner's client write, as the leader's effects hand it over: proposed like a local one. */
    @Override
    public void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds) {
        peer.world.check(type == OpCode.SET_DATA, "a learner forwarded request type " + type);
        if (proposer != null) {
            write(SimDisk.text(body));
        }
    }

    @Override
    public void touchSessions(Map<Long, Integer> timeoutsMsBySession) {
        // the simulated servers have no client sessions to keep alive
    }

    @Override
    public boolean revalidateSession(long sessionId, int timeoutMs) {
        return false; // no client sessions: none is alive
    }

    @Override
    public Map<Long, Integer> localSessions() {
        return Map.of();
    }
}
