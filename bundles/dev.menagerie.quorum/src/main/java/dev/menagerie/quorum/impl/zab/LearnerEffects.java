package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link FollowerCore}'s outputs and feeds it its inputs, for the production runner and the
 * simulation alike: packets go to the {@link LeaderLink} seam, log writes, applies, snapshots and epochs to the
 * {@link Replica}, events and time through the {@link EventLoop} seam. It is the {@link Forwarder} the server
 * sends its clients' writes and syncs through once in sync.
 *
 * <p>A snapshot after SNAP is read off the connection by the connection's owner, into the replica, before the SNAP
 * packet is handed to {@link #receive}: the stream holds it between SNAP and the next packet.
 *
 * <p>Everything but the {@link Forwarder} methods and the monitoring getters runs on the loop's thread.
 */
final class LearnerEffects implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerEffects.class);
    /** Where a transaction header holds its time: after the client id, the cxid and the zxid. */
    private static final int TXN_TIME_OFFSET = Long.BYTES + Integer.BYTES + Long.BYTES;

    private final FollowerCore core;
    private final long leaderId;
    private final Replica replica;
    private final LeaderLink link;
    private final EventLoop loop;
    private final Queue<CompletableFuture<Void>> syncs = new ConcurrentLinkedQueue<>();
    /** Syncs the leader answered, each waiting until the zxid committed before its answer is applied. */
    private final Queue<AwaitingApply> syncsAwaitingApply = new ConcurrentLinkedQueue<>();
    private volatile boolean serving;
    private volatile long leaderEpoch = -1;
    private final ZabMetrics metrics;
    private final Summary syncTimeMs;
    /** When each proposal received while serving arrived (loop milliseconds), by zxid, until its commit. */
    private final TreeMap<Long, Long> proposalArrivedMs = new TreeMap<>();
    /** When this learner registered with the leader (loop milliseconds); loop thread only. */
    private long startedMs;

    LearnerEffects(FollowerCore core, long leaderId, Replica replica, LeaderLink link, EventLoop loop,
            ZabMetrics metrics) {
        this.core = core;
        this.metrics = metrics;
        this.syncTimeMs = metrics.syncTime(core.role());
        this.leaderId = leaderId;
        this.replica = replica;
        this.link = link;
        this.loop = loop;
    }

    /** The core for a learner of {@code replica}'s server, its limits doubled as the loop ticks twice per tickTime. */
    static FollowerCore newCore(long myId, LearnerRole role, Replica replica) throws IOException {
        return new FollowerCore(myId, role, 2 * replica.config().initLimitTicks(),
                2 * replica.config().syncLimitTicks(), replica.storage().acceptedEpoch(),
                replica.storage().currentEpoch(), replica.lastProcessedZxid());
    }

    // ---- inputs, on the loop's thread ----

    /** Registers with the leader: the connection is up. */
    void start() {
        startedMs = loop.nowMs();
        carryOut(core.start());
    }

    void tick() {
        carryOut(core.tick());
    }

    /** A packet from the leader; after SNAP, the snapshot is already in the replica. */
    void receive(QuorumPacket packet) {
        ZabPacketType type = ZabPacketType.fromCode(packet.type());
        if (type == null) {
            LOG.warn("The leader sent unknown packet type {}", packet.type());
        } else if (type == ZabPacketType.SYNC) {
            CompletableFuture<Void> done = syncs.poll();
            if (done != null) {
                // Commits that came before the SYNC may still wait for their log write here; the reads after the
                // sync must see them, as Apache's follower orders the sync behind them in its CommitProcessor.
                syncsAwaitingApply.add(new AwaitingApply(core.lastCommittedZxid(), done));
                completeAppliedSyncs();
            }
        } else {
            if (serving) {
                countBroadcast(type, packet.zxid(), packet.data());
            }
            carryOut(core.receive(type, packet.zxid(), type == ZabPacketType.SNAP ? null : packet.data()));
        }
    }

    /** As Apache's learners, the proposals and commits of the broadcast phase, not of the sync before it. */
    private void countBroadcast(ZabPacketType type, long zxid, byte[] data) {
        if (type == ZabPacketType.PROPOSAL) {
            metrics.learnerProposalsReceived.increment();
            recordProposalLatency(data);
            proposalArrivedMs.put(zxid, loop.nowMs());
        } else if (type == ZabPacketType.COMMIT || type == ZabPacketType.INFORM
                || type == ZabPacketType.COMMITANDACTIVATE || type == ZabPacketType.INFORMANDACTIVATE) {
            metrics.learnerCommitsReceived.increment();
            Long arrivedMs = proposalArrivedMs.get(zxid);
            if (arrivedMs != null) {
                metrics.commitPropagationLatencyMs.record(loop.nowMs() - arrivedMs);
            }
            // Commits come in zxid order: nothing proposed before this one is waited for any more.
            proposalArrivedMs.headMap(zxid, true).clear();
        }
    }

    /**
     * A proposal's data starts with its transaction header (client id, cxid, zxid, then the leader's wall-clock
     * time); as Apache, a negative latency (the two servers' clocks disagree) is not recorded.
     */
    private void recordProposalLatency(byte[] data) {
        if (data != null && data.length >= TXN_TIME_OFFSET + Long.BYTES) {
            long latencyMs = System.currentTimeMillis() - ByteBuffer.wrap(data).getLong(TXN_TIME_OFFSET);
            if (latencyMs >= 0) {
                metrics.proposalLatencyMs.record(latencyMs);
            }
        }
    }

    private record AwaitingApply(long zxid, CompletableFuture<Void> sync) {
    }

    private void completeAppliedSyncs() {
        while (!syncsAwaitingApply.isEmpty() && syncsAwaitingApply.peek().zxid() <= core.lastAppliedZxid()) {
            syncsAwaitingApply.poll().sync().complete(null);
        }
    }

    /** The role ended: waiting syncs fail, so that their clients move on. */
    void shutdown() {
        serving = false;
        IOException lost = new IOException("no longer following");
        CompletableFuture<Void> pending;
        while ((pending = syncs.poll()) != null) {
            pending.completeExceptionally(lost);
        }
        AwaitingApply answered;
        while ((answered = syncsAwaitingApply.poll()) != null) {
            answered.sync().completeExceptionally(lost);
        }
    }

    // ---- Forwarder, called by the server for its clients' writes ----

    @Override
    public void forward(long sessionId, int cxid, int type, byte[] body, List<AuthId> authIds) {
        ByteBuffer data = ByteBuffer.allocate(16 + body.length);
        data.putLong(sessionId).putInt(cxid).putInt(type).put(body);
        List<Id> auth = new ArrayList<>(authIds.size());
        for (AuthId id : authIds) {
            auth.add(new Id(id.scheme(), id.id()));
        }
        link.send(new QuorumPacket(ZabPacketType.REQUEST.code(), -1, data.array(), auth));
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (loop.finished()) {
            done.completeExceptionally(new IOException("not connected to a leader"));
            return done;
        }
        syncs.add(done);
        ByteBuffer data = ByteBuffer.allocate(16).putLong(0).putInt(0).putInt(OpCode.SYNC);
        link.send(new QuorumPacket(ZabPacketType.REQUEST.code(), -1, data.array(), List.of()));
        return done;
    }

    // ---- what operators read, from any thread ----

    boolean isServing() {
        return serving;
    }

    /** The leader's epoch once in sync with it (UPTODATE came), else -1. */
    long servingEpoch() {
        return serving ? leaderEpoch : -1;
    }

    // ---- outputs ----

    private void carryOut(List<FollowerOutput> outputs) {
        for (FollowerOutput output : outputs) {
            if (loop.finished()) {
                return;
            }
            try {
                carryOut(output);
            } catch (IOException | RuntimeException e) {
                loop.finish("failed to carry out " + output.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    private void carryOut(FollowerOutput output) throws IOException {
        if (output instanceof FollowerOutput.AppendToLog append) {
            appendToLog(append.zxid(), append.txn());
        } else if (output instanceof FollowerOutput.Apply apply) {
            replica.applyCommitted(new LogEntry(apply.zxid(), apply.txn()));
            completeAppliedSyncs();
        } else if (output instanceof FollowerOutput.Send send) {
            if (send.type() == ZabPacketType.ACKEPOCH) {
                LOG.info("Registered with leader {} of epoch {}", leaderId, core.leaderEpoch());
            }
            send(send.type(), send.zxid(), send.payload());
        } else if (output instanceof FollowerOutput.SendAck ack) {
            Long arrivedMs = proposalArrivedMs.get(ack.zxid());
            if (arrivedMs != null) {
                metrics.proposalAckCreationLatencyMs.record(loop.nowMs() - arrivedMs);
            }
            send(ZabPacketType.ACK, ack.zxid(), null);
        } else if (output instanceof FollowerOutput.SendPingReply ping) {
            send(ZabPacketType.PING, ping.zxid(), PingSessions.write(replica.localSessions()));
        } else if (output instanceof FollowerOutput.TruncateLog truncate) {
            LOG.info("Truncating the log after 0x{} as the leader asks", Long.toHexString(truncate.zxid()));
            replica.truncate(truncate.zxid());
        } else if (output instanceof FollowerOutput.LoadSnapshotFromLeader load) {
            LOG.debug("The snapshot as of 0x{} was loaded off the connection", Long.toHexString(load.zxid()));
        } else if (output instanceof FollowerOutput.TakeSnapshot) {
            replica.takeSnapshot();
        } else if (output instanceof FollowerOutput.AcceptEpoch accept) {
            replica.storage().setAcceptedEpoch(accept.epoch());
        } else if (output instanceof FollowerOutput.SetCurrentEpoch current) {
            replica.storage().setCurrentEpoch(current.epoch());
        } else if (output instanceof FollowerOutput.StartServing start) {
            leaderEpoch = start.epoch();
            syncTimeMs.record(loop.nowMs() - startedMs);
            serving = true;
            metrics.servingStarted(false);
            LOG.info("In sync with leader {} of epoch {}: serving clients", leaderId, start.epoch());
            replica.serveAsLearner(this);
        } else if (output instanceof FollowerOutput.LeaderLost lost) {
            loop.finish(lost.reason());
        }
    }

    private void appendToLog(long zxid, byte[] txn) {
        CompletionStage<Void> durable = replica.storage().append(new LogEntry(zxid, txn));
        durable.whenComplete((ok, error) -> loop.postCompletion(() -> {
            if (error != null) {
                loop.finish(LogFailures.report(replica, "could not log 0x" + Long.toHexString(zxid), error));
            } else {
                carryOut(core.logged(zxid));
            }
        }));
    }

    private void send(ZabPacketType type, long zxid, byte[] payload) {
        link.send(new QuorumPacket(type.code(), zxid, payload, null));
    }
}
