package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link LeaderCore}'s outputs and feeds it its inputs, for the production runner and the simulation
 * alike: packets go to the {@link LearnerLinks} seam, epochs and serving to the {@link Replica}, events and time
 * through the {@link EventLoop} seam. It is the {@link Proposer} the server writes through: a {@link
 * LeaderOutput.Commit} completes the very future {@link #propose} returned, and the server applies the transaction
 * when it completes.
 *
 * <p>Everything but {@link #propose}, {@link #sync}, {@link #requestFromLearner} and the monitoring getters runs on
 * the loop's thread.
 */
final class LeaderEffects implements Proposer {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderEffects.class);
    /** Apache's default: one zxid in a thousand has its acks timed. */
    static final int DEFAULT_ACK_LOGGING_FREQUENCY = 1000;

    private final long myId;
    private final LeaderCore core;
    private final Replica replica;
    private final LearnerLinks links;
    private final EventLoop loop;
    private final ZabMetrics metrics;
    /** Apache's {@code leader.ackLoggingFrequency}: acks of a zxid that is a multiple of it are timed; 0 or less, none. */
    private final int ackLoggingFrequency;
    /** Apache's {@code snapshotSizeFactor}, read once per leadership; negative: learners never synced from the log. */
    private final double snapshotSizeFactor;
    /** When each proposal not yet committed was made (loop milliseconds), by zxid; loop thread only. */
    private final Map<Long, Long> proposedAtMs = new HashMap<>();
    /** The futures of proposals not yet committed, by zxid. */
    private final TreeMap<Long, CompletableFuture<Void>> proposals = new TreeMap<>();
    private final ArrayDeque<CompletableFuture<Void>> localSyncs = new ArrayDeque<>();
    private final ProposalSizes proposalSizes = new ProposalSizes();
    /** Learners being synced by snapshot, or by DIFF or TRUNC, until their UPTODATE; loop thread only. */
    private final Set<Long> snapSyncing = new HashSet<>();
    private final Set<Long> diffSyncing = new HashSet<>();
    private long lastCommittedZxid = -1;
    /** The operator's request for a leadership transfer under way; loop thread only. */
    private TransferRequest transfer;
    /** Set when the leadership ended for a transfer. */
    private volatile TransferRequest steppedDownFor;
    private volatile boolean serving;
    private volatile long servingEpoch = -1;
    private volatile long servingSinceMs;
    private volatile LeaderCore.LearnerCounts counts = new LeaderCore.LearnerCounts(0, 0, 0, 0, 0);

    LeaderEffects(long myId, LeaderCore core, Replica replica, LearnerLinks links, EventLoop loop,
            ZabMetrics metrics) {
        this.myId = myId;
        this.metrics = metrics;
        this.ackLoggingFrequency = QuorumTunables.intValue(replica.config(), "leader.ackLoggingFrequency",
                DEFAULT_ACK_LOGGING_FREQUENCY, frequency -> true, "an integer");
        this.snapshotSizeFactor = QuorumTunables.doubleValue(replica.config(), "snapshotSizeFactor",
                TxnLogSizeLimit.DEFAULT_SNAPSHOT_SIZE_FACTOR);
        this.core = core;
        this.replica = replica;
        this.links = links;
        this.loop = loop;
        if (snapshotSizeFactor >= 0) {
            core.syncFromLog(replica.logIntactAfterZxid());
        }
    }

    /** The core for a leader of {@code replica}'s server, its limits doubled as the loop ticks twice per tickTime. */
    static LeaderCore newCore(long myId, QuorumVerifier verifier, Replica replica) throws IOException {
        long lastZxid = replica.lastProcessedZxid();
        LeaderCore core = new LeaderCore(myId, verifier, 2 * replica.config().initLimitTicks(),
                2 * replica.config().syncLimitTicks(), replica.storage().acceptedEpoch(),
                replica.storage().currentEpoch(), lastZxid, CommittedWindowLoader.load(replica, lastZxid));
        core.limitSyncs(syncThrottle(replica.config()));
        return core;
    }

    /** Apache's learner sync limits from zoo.cfg or {@code -Dzookeeper.leader.maxConcurrent...}, read per leadership. */
    static SyncThrottle syncThrottle(ServerConfig config) {
        return new SyncThrottle(
                QuorumTunables.intValue(config, SyncThrottle.MAX_SNAP_SYNCS_KEY, SyncThrottle.DEFAULT_MAX_SNAP_SYNCS,
                        limit -> limit > 0, "a positive integer (syncs)"),
                QuorumTunables.intValue(config, SyncThrottle.MAX_DIFF_SYNCS_KEY, SyncThrottle.DEFAULT_MAX_DIFF_SYNCS,
                        limit -> limit > 0, "a positive integer (syncs)"));
    }

    // ---- inputs, on the loop's thread ----

    void start() {
        carryOut(core.start());
    }

    void tick() {
        core.applied(replica.lastProcessedZxid());
        carryOut(core.tick());
        counts = core.learnerCounts();
    }

    /** A learner's FOLLOWERINFO or OBSERVERINFO; {@code replaced} when it had a connection already. */
    void learnerConnected(LearnerRegistration.Info info, boolean replaced) {
        if (replaced) {
            carryOut(core.learnerLost(info.sid()));
        }
        carryOut(core.learnerInfo(info.sid(), info.role(), info.acceptedEpoch()));
    }

    void learnerLost(long sid) {
        syncEnded(sid);
        carryOut(core.learnerLost(sid));
    }

    /** A packet from a connected learner: ACK, ACKEPOCH, or a sign of life (PING, REVALIDATE). */
    void receive(long sid, QuorumPacket packet) {
        ZabPacketType type = ZabPacketType.fromCode(packet.type());
        if (type == null) {
            LOG.warn("Learner {} sent unknown packet type {}", sid, packet.type());
            return;
        }
        switch (type) {
            case ACK -> {
                acked(sid, packet.zxid());
                carryOut(core.ack(sid, packet.zxid()));
            }
            case ACKEPOCH -> {
                core.applied(replica.lastProcessedZxid());
                carryOut(core.ackEpoch(sid, LearnerRegistration.ackedCurrentEpoch(packet.data()), packet.zxid()));
            }
            case PING -> core.heardFrom(sid);
            case REVALIDATE -> {
                metrics.revalidateCount.increment();
                core.heardFrom(sid);
            }
            default -> LOG.warn("Learner {} sent an unexpected {}", sid, type);
        }
    }

    /**
     * An operator asks to move leadership to {@code request}'s target; its future completes when the transfer is
     * refused or given up, else it is handed on ({@link #steppedDownFor()}) to complete after the next election.
     */
    void transferTo(TransferRequest request) {
        if (transfer != null) {
            request.refuse("a transfer to server " + transfer.targetSid() + " is under way");
            return;
        }
        transfer = request;
        carryOut(core.transferTo(request.targetSid()));
    }

    /** The leadership ended for a transfer: the request, with the time of stepping down; null otherwise. */
    TransferRequest steppedDownFor() {
        return steppedDownFor;
    }

    /** A learner's REQUEST for sync (a client's sync() on it). */
    void syncRequest(long sid) {
        carryOut(core.syncRequest(sid));
    }

    /**
     * A learner's REQUEST, on the thread that read it: a sync goes to the loop, a client's write straight to the
     * replica (its pipeline numbers and proposes it). Before the leader serves, a write is dropped: the learner's
     * client times out and retries, as with Apache.
     */
    void requestFromLearner(long sid, QuorumPacket packet) throws IOException {
        byte[] data = packet.data();
        if (data == null || data.length < 16) {
            throw new IOException("learner " + sid + " sent a REQUEST without a request header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long sessionId = buffer.getLong();
        int cxid = buffer.getInt();
        int type = buffer.getInt();
        if (type == OpCode.SYNC) {
            loop.post(() -> syncRequest(sid));
            return;
        }
        if (!serving) {
            return;
        }
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        List<Forwarder.AuthId> auth = new ArrayList<>();
        if (packet.authinfo() != null) {
            for (Id id : packet.authinfo()) {
                auth.add(new Forwarder.AuthId(id.scheme(), id.id()));
            }
        }
        replica.submitForwarded(sessionId, cxid, type, body, auth);
    }

    /** The role ended: every waiting proposal and sync fails, so that their clients move on. */
    void shutdown() {
        serving = false;
        IOException lost = new IOException("leadership ended");
        proposals.values().forEach(f -> f.completeExceptionally(lost));
        proposals.clear();
        proposedAtMs.clear();
        localSyncs.forEach(f -> f.completeExceptionally(lost));
        localSyncs.clear();
        if (transfer != null && steppedDownFor == null) {
            transfer.refuse("the leadership ended before the handover");
        }
        transfer = null;
    }

    // ---- Proposer, called by the server's pipeline ----

    @Override
    public CompletionStage<Void> propose(LogEntry entry, CompletionStage<Void> localDurable) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (loop.finished()) {
            committed.completeExceptionally(new IOException("no longer leading"));
            return committed;
        }
        proposalSizes.record(entry.txnBytes().length);
        long zxid = entry.zxid();
        loop.post(() -> {
            if (loop.finished()) {
                committed.completeExceptionally(new IOException("no longer leading"));
                return;
            }
            assert proposals.isEmpty() || zxid > proposals.lastKey() : "proposal 0x" + Long.toHexString(zxid)
                    + " after 0x" + Long.toHexString(proposals.lastKey());
            proposals.put(zxid, committed);
            proposedAtMs.put(zxid, loop.nowMs());
            metrics.proposalCount.increment();
            carryOut(core.propose(zxid, entry.txnBytes()));
            // Watched only now, so that the local ack never reaches the core before the proposal does.
            localDurable.whenComplete((ok, error) -> loop.postCompletion(() -> {
                if (error != null) {
                    loop.finish(LogFailures.report(replica, "the leader could not log 0x" + Long.toHexString(zxid),
                            error));
                } else {
                    acked(myId, zxid);
                    carryOut(core.localLogged(zxid));
                }
            }));
        });
        return committed;
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.post(() -> {
            localSyncs.add(done);
            carryOut(core.syncRequest(myId));
        });
        return done;
    }

    // ---- what operators read, from any thread ----

    boolean isServing() {
        return serving;
    }

    /** The epoch being led once a quorum is in sync, else -1. */
    long servingEpoch() {
        return serving ? servingEpoch : -1;
    }

    /** Apache's leader metrics for {@code mntr}, in its order. */
    Map<String, Object> monitorValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        LeaderCore.LearnerCounts now = counts;
        values.put("learners", now.learners());
        values.put("synced_followers", now.syncedFollowers());
        values.put("synced_non_voting_followers", now.syncedNonVotingFollowers());
        values.put("synced_observers", now.syncedObservers());
        values.put("pending_syncs", now.pendingSyncs());
        values.put("leader_uptime", serving ? loop.nowMs() - servingSinceMs : 0);
        proposalSizes.addTo(values);
        return values;
    }

    // ---- outputs ----

    private void carryOut(List<LeaderOutput> outputs) {
        for (LeaderOutput output : outputs) {
            if (loop.finished()) {
                return;
            }
            try {
                carryOut(output);
            } catch (IOException e) {
                loop.finish("disk error: " + e.getMessage());
            }
        }
    }

    private void carryOut(LeaderOutput output) throws IOException {
        if (output instanceof LeaderOutput.Send send) {
            if (send.type() == ZabPacketType.DIFF || send.type() == ZabPacketType.TRUNC) {
                metrics.diffCount.increment();
                diffSyncing.add(send.toSid());
                metrics.inflightDiffCount.record(diffSyncing.size());
            } else if (send.type() == ZabPacketType.UPTODATE) {
                syncEnded(send.toSid());
            }
            links.send(send.toSid(), new QuorumPacket(send.type().code(), send.zxid(), send.payload(), null));
        } else if (output instanceof LeaderOutput.Commit commit) {
            committed(commit.zxid());
        } else if (output instanceof LeaderOutput.SendSnapshot snap) {
            LOG.info("Sending learner {} a snapshot as of 0x{}", snap.toSid(), Long.toHexString(snap.zxid()));
            metrics.snapCount.increment();
            snapSyncing.add(snap.toSid());
            metrics.inflightSnapCount.record(snapSyncing.size());
            links.sendSnapshot(snap.toSid(), snap.zxid());
        } else if (output instanceof LeaderOutput.ReadLog read) {
            TxnLogSizeLimit limit = TxnLogSizeLimit.of(replica.snapshotSizeEstimate(), snapshotSizeFactor);
            loop.runAside(() -> {
                List<LoggedTxn> entries = SyncLogReader.read(replica.storage(), read.sid(), read.fromZxid(), limit);
                loop.postCompletion(() -> carryOut(core.logRead(read.sid(), read.fromZxid(), entries)));
            });
        } else if (output instanceof LeaderOutput.AcceptEpoch accept) {
            replica.storage().setAcceptedEpoch(accept.epoch());
        } else if (output instanceof LeaderOutput.SetCurrentEpoch current) {
            replica.storage().setCurrentEpoch(current.epoch());
        } else if (output instanceof LeaderOutput.StartServing start) {
            LOG.info("Leading epoch {}: a quorum is in sync, serving clients", Zxids.epoch(start.epochStartZxid()));
            servingEpoch = Zxids.epoch(start.epochStartZxid());
            servingSinceMs = loop.nowMs();
            serving = true;
            metrics.servingStarted(true);
            replica.serveAsLeader(start.epochStartZxid(), this);
        } else if (output instanceof LeaderOutput.SyncReady ready) {
            syncReady(ready.sid());
        } else if (output instanceof LeaderOutput.CloseLearner close) {
            LOG.warn("Dropping learner {}: {}", close.sid(), close.reason());
            syncEnded(close.sid());
            links.close(close.sid());
            core.learnerLost(close.sid());
        } else if (output instanceof LeaderOutput.GiveUp giveUp) {
            loop.finish(giveUp.reason());
        } else {
            carryOutTransfer(output);
        }
    }

    private void refuseTransfer(String reason) {
        if (transfer != null) {
            transfer.refuse(reason);
            transfer = null;
        }
    }

    private void carryOutTransfer(LeaderOutput output) {
        if (output instanceof LeaderOutput.HoldRequests hold) {
            LOG.info("Transferring leadership to server {}: holding client requests", hold.targetSid());
            replica.holdRequests().whenComplete((lastGiven, error) -> loop.postCompletion(() -> carryOut(
                    error != null ? core.holdFailed(error.getMessage()) : core.requestsHeld(lastGiven,
                            loop.nowMs()))));
        } else if (output instanceof LeaderOutput.TransferRefused refused) {
            LOG.info("Refused to transfer leadership to server {}: {}", refused.targetSid(), refused.reason());
            refuseTransfer(refused.reason());
        } else if (output instanceof LeaderOutput.ReleaseRequests release) {
            LOG.warn("Gave up transferring leadership to server {}: {}; leading on", release.targetSid(),
                    release.reason());
            replica.releaseRequests();
            refuseTransfer("gave up: " + release.reason() + "; this server leads on");
        } else if (output instanceof LeaderOutput.SteppedDown down) {
            LOG.info("Leadership transfer to server {}: {}", down.targetSid(), down.reason());
            if (transfer != null) {
                transfer.steppedDown(down.confirmed(), down.reason());
                steppedDownFor = transfer;
            }
            loop.finish("handed the leadership to server " + down.targetSid());
        }
    }

    /**
     * An ack of a proposal not committed yet, timed when its zxid is sampled; later ones are not timed, as in
     * Apache.
     */
    private void acked(long sid, long zxid) {
        if (ackLoggingFrequency <= 0 || zxid % ackLoggingFrequency != 0) {
            return;
        }
        Long proposedMs = proposedAtMs.get(zxid);
        if (proposedMs != null) {
            metrics.ackLatencyMs.record(Long.toString(sid), loop.nowMs() - proposedMs);
        }
    }

    /** The one hand-over of a commit: the proposal's own future completes, and the server applies it. */
    private void committed(long zxid) {
        assert zxid > lastCommittedZxid : "commit 0x" + Long.toHexString(zxid) + " after 0x"
                + Long.toHexString(lastCommittedZxid);
        lastCommittedZxid = zxid;
        metrics.commitCount.increment();
        Long proposedMs = proposedAtMs.remove(zxid);
        if (proposedMs != null) {
            metrics.quorumAckLatencyMs.record(loop.nowMs() - proposedMs);
        }
        CompletableFuture<Void> future = proposals.remove(zxid);
        assert future != null : "commit 0x" + Long.toHexString(zxid) + " was never proposed here";
        assert proposals.isEmpty() || proposals.firstKey() > zxid : "commit 0x" + Long.toHexString(zxid)
                + " leaves 0x" + Long.toHexString(proposals.firstKey()) + " behind";
        if (future != null) {
            future.complete(null);
        }
    }

    private void syncEnded(long sid) {
        snapSyncing.remove(sid);
        diffSyncing.remove(sid);
    }

    private void syncReady(long sid) {
        if (sid == myId) {
            CompletableFuture<Void> done = localSyncs.poll();
            if (done != null) {
                done.complete(null);
            }
        } else {
            links.send(sid, new QuorumPacket(ZabPacketType.SYNC.code(), 0, null, null));
        }
    }
}
