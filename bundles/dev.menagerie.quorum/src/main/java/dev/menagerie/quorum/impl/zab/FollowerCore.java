package dev.menagerie.quorum.impl.zab;

import dev.menagerie.quorum.impl.zab.FollowerOutput.AcceptEpoch;
import dev.menagerie.quorum.impl.zab.FollowerOutput.AppendToLog;
import dev.menagerie.quorum.impl.zab.FollowerOutput.Apply;
import dev.menagerie.quorum.impl.zab.FollowerOutput.LeaderLost;
import dev.menagerie.quorum.impl.zab.FollowerOutput.LoadSnapshotFromLeader;
import dev.menagerie.quorum.impl.zab.FollowerOutput.Send;
import dev.menagerie.quorum.impl.zab.FollowerOutput.SendAck;
import dev.menagerie.quorum.impl.zab.FollowerOutput.SendPingReply;
import dev.menagerie.quorum.impl.zab.FollowerOutput.SetCurrentEpoch;
import dev.menagerie.quorum.impl.zab.FollowerOutput.StartServing;
import dev.menagerie.quorum.impl.zab.FollowerOutput.TakeSnapshot;
import dev.menagerie.quorum.impl.zab.FollowerOutput.TruncateLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The learner's side of Zab as a deterministic state machine: packets from the leader, completed log writes and
 * ticks go in; packets, disk writes, applies and a "leader lost" verdict come out. It does no I/O and reads no
 * clock.
 *
 * <p>Discovery comes first, after Apache's Learner.registerWithLeader: {@link #start} sends FOLLOWERINFO (or
 * OBSERVERINFO) with the accepted epoch; LEADERINFO names the new epoch, which is persisted as accepted when it is
 * newer, and ACKEPOCH answers with the current epoch (-1 when the epoch was accepted before) and the last zxid. A
 * leader whose epoch is older than the accepted one is refused.
 *
 * <p>The sync starts with DIFF, SNAP or TRUNC; proposals and commits may follow, then NEWLEADER, whose ACK is sent
 * once everything received before it is logged (the ACK of NEWLEADER must be the first ACK the leader reads, so
 * acks of proposals logged earlier are held until then), then UPTODATE, after which the server serves. A
 * transaction is applied only once it is logged and committed, strictly in zxid order; followers ack each logged
 * proposal once, observers learn committed transactions through INFORM and never ack them. A COMMIT naming another
 * zxid than the oldest uncommitted proposal means the leader's stream and ours disagree: the core gives up the
 * leader, as Apache's follower quits.
 *
 * <p>Unlike Apache, which keeps proposals received with a SNAP or TRUNC sync out of the log until NEWLEADER, this
 * core logs every proposal as it comes; it asks for a snapshot right after loading the leader's (so the log never
 * continues a tree that no snapshot holds) and again before acking NEWLEADER. Proposals committed during
 * sync are acked too once logged; a leader ignores acks of committed zxids.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
final class FollowerCore {

    private enum Phase { REGISTERING, AWAITING_SYNC_MODE, SYNCING, ACKING_NEWLEADER, AWAITING_UPTODATE, SERVING, STOPPED }

    private final long myId;
    private final LearnerRole role;
    private final long acceptedEpoch;
    private final long currentEpoch;
    private final long lastZxid;
    private final int initLimitTicks;
    private final int syncLimitTicks;
    private final LearnerTxnQueue txns = new LearnerTxnQueue(0);
    /** Acks of proposals logged before the ACK of NEWLEADER went out. */
    private final TreeSet<Long> heldAcks = new TreeSet<>();
    private Phase phase = Phase.REGISTERING;
    private long leaderEpoch = -1;
    /** The last zxid handed out to apply, for the zxid-order assertion; -1 before any. */
    private long lastAppliedZxid = -1;
    private boolean snapshotNeeded;
    private long newLeaderZxid;
    private long lastZxidBeforeNewLeader;
    private long nowTick;
    private long lastHeardTick;

    /**
     * @param initLimitTicks how long the leader may stay silent until UPTODATE arrives
     * @param syncLimitTicks how long the leader may stay silent after UPTODATE
     * @param acceptedEpoch the {@code acceptedEpoch} file as the role starts
     * @param currentEpoch the {@code currentEpoch} file as the role starts
     * @param lastZxid the last transaction in the data tree as the role starts
     */
    FollowerCore(long myId, LearnerRole role, int initLimitTicks, int syncLimitTicks, long acceptedEpoch,
            long currentEpoch, long lastZxid) {
        if (initLimitTicks < 1 || syncLimitTicks < 1) {
            throw new IllegalArgumentException("tick limits must be positive: initLimit " + initLimitTicks
                    + ", syncLimit " + syncLimitTicks);
        }
        this.myId = myId;
        this.role = Objects.requireNonNull(role, "role");
        this.initLimitTicks = initLimitTicks;
        this.syncLimitTicks = syncLimitTicks;
        this.acceptedEpoch = acceptedEpoch;
        this.currentEpoch = currentEpoch;
        this.lastZxid = lastZxid;
    }

    /** The first output: this learner's FOLLOWERINFO or OBSERVERINFO. */
    List<FollowerOutput> start() {
        assert phase == Phase.REGISTERING && nowTick == 0 : "started twice";
        return List.of(new Send(LearnerRegistration.infoType(role), LearnerRegistration.infoZxid(acceptedEpoch),
                LearnerRegistration.infoPayload(myId)));
    }

    /** The epoch of the leader, once its LEADERINFO came; -1 before. */
    long leaderEpoch() {
        return leaderEpoch;
    }

    /** The zxid of the last transaction applied; -1 before the first. */
    long lastAppliedZxid() {
        return lastAppliedZxid;
    }

    /**
     * The newest zxid the leader has committed to this learner, applied or not: a sync the leader answers now is
     * answered for everything up to it, so the client's reads must wait until it is applied.
     */
    LearnerRole role() {
        return role;
    }

    long lastCommittedZxid() {
        return txns.lastCommittedZxid(lastAppliedZxid);
    }

    boolean isServing() {
        return phase == Phase.SERVING;
    }

    boolean isStopped() {
        return phase == Phase.STOPPED;
    }

    /** One packet from the leader; the payload is the transaction for PROPOSAL and INFORM, the snapshot for SNAP. */
    List<FollowerOutput> receive(ZabPacketType type, long zxid, byte[] payload) {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        lastHeardTick = nowTick;
        List<FollowerOutput> outputs = new ArrayList<>();
        switch (phase) {
            case REGISTERING -> register(type, zxid, outputs);
            case AWAITING_SYNC_MODE -> startSync(type, zxid, payload, outputs);
            case SERVING -> receiveWhileServing(type, zxid, payload, outputs);
            default -> receiveDuringSync(type, zxid, payload, outputs);
        }
        return outputs;
    }

    /** The transaction log holds {@code zxid} durably. */
    List<FollowerOutput> logged(long zxid) {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        LearnerTxn txn = txns.logged(zxid);
        if (txn == null) {
            return List.of();
        }
        List<FollowerOutput> outputs = new ArrayList<>();
        if (txn.ackWhenLogged() && role == LearnerRole.FOLLOWER) {
            if (newLeaderAcked()) {
                outputs.add(new SendAck(zxid));
            } else {
                heldAcks.add(zxid);
            }
        }
        applyReady(outputs);
        if (phase == Phase.ACKING_NEWLEADER) {
            ackNewLeaderIfLogged(outputs);
        }
        return outputs;
    }

    /** One tick: the leader is lost once it has been silent for more than the phase's limit. */
    List<FollowerOutput> tick() {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        nowTick++;
        // Until UPTODATE the leader waits for a quorum of NEWLEADER acks and sends nothing: initLimit applies, as
        // Apache's learner keeps its initLimit socket timeout until then.
        boolean beforeNewLeader = phase != Phase.SERVING;
        int limitTicks = beforeNewLeader ? initLimitTicks : syncLimitTicks;
        long silentTicks = nowTick - lastHeardTick;
        if (silentTicks > limitTicks) {
            return List.of(lose("no packet from the leader for " + silentTicks + " ticks (limit " + limitTicks
                    + ")"));
        }
        return List.of();
    }

    private void register(ZabPacketType type, long zxid, List<FollowerOutput> outputs) {
        if (type != ZabPacketType.LEADERINFO) {
            outputs.add(lose("expected LEADERINFO from the leader but got " + type));
            return;
        }
        LearnerRegistration.EpochAnswer answer;
        try {
            answer = LearnerRegistration.onLeaderInfo(zxid, acceptedEpoch, currentEpoch, lastZxid);
        } catch (IllegalStateException e) {
            outputs.add(lose(e.getMessage()));
            return;
        }
        leaderEpoch = Zxids.epoch(zxid);
        assert leaderEpoch >= acceptedEpoch : "epoch " + leaderEpoch + " accepted after " + acceptedEpoch;
        if (answer.acceptEpoch() >= 0) {
            assert answer.acceptEpoch() > acceptedEpoch : "accepting epoch " + answer.acceptEpoch() + " after "
                    + acceptedEpoch;
            outputs.add(new AcceptEpoch(answer.acceptEpoch()));
        }
        outputs.add(new Send(ZabPacketType.ACKEPOCH, answer.ackZxid(), answer.ackPayload()));
        phase = Phase.AWAITING_SYNC_MODE;
    }

    private void startSync(ZabPacketType type, long zxid, byte[] payload, List<FollowerOutput> outputs) {
        switch (type) {
            case DIFF -> phase = Phase.SYNCING;
            case SNAP -> {
                outputs.add(new LoadSnapshotFromLeader(zxid, payload));
                // Persisted before any proposal of this sync is logged: otherwise a restart in between would
                // rebuild the tree from the old snapshot and a log that resumes after the leader's zxid, a tree
                // missing everything the leader's snapshot held.
                outputs.add(new TakeSnapshot());
                restartAfter(zxid);
                snapshotNeeded = false; // taken just now; the log holds everything after it
            }
            case TRUNC -> {
                outputs.add(new TruncateLog(zxid));
                restartAfter(zxid);
            }
            default -> outputs.add(lose("expected DIFF, SNAP or TRUNC to start the sync but got " + type));
        }
    }

    private void restartAfter(long zxid) {
        txns.restartAfter(zxid);
        lastAppliedZxid = zxid;
        snapshotNeeded = true;
        phase = Phase.SYNCING;
    }

    /** Apache's syncWithLeader ignores PING and packet types it does not expect. */
    private void receiveDuringSync(ZabPacketType type, long zxid, byte[] payload, List<FollowerOutput> outputs) {
        switch (type) {
            case PROPOSAL -> queue(new LearnerTxn(zxid, payload, true, false), outputs);
            case INFORM -> queue(new LearnerTxn(zxid, payload, false, true), outputs);
            case COMMIT -> commit(zxid, outputs);
            case NEWLEADER -> newLeader(zxid, outputs);
            case UPTODATE -> upToDate(outputs);
            default -> {
            }
        }
    }

    /** As Apache's Follower and Observer: each role ignores the other role's packets. */
    private void receiveWhileServing(ZabPacketType type, long zxid, byte[] payload, List<FollowerOutput> outputs) {
        boolean follower = role == LearnerRole.FOLLOWER;
        switch (type) {
            case PROPOSAL -> {
                if (follower) {
                    queue(new LearnerTxn(zxid, payload, true, false), outputs);
                }
            }
            case COMMIT -> {
                if (follower) {
                    commit(zxid, outputs);
                }
            }
            case INFORM -> {
                if (!follower) {
                    queue(new LearnerTxn(zxid, payload, false, true), outputs);
                }
            }
            case PING -> outputs.add(new SendPingReply(zxid));
            default -> {
            }
        }
    }

    private void queue(LearnerTxn txn, List<FollowerOutput> outputs) {
        long previous = txns.lastQueuedZxid();
        if (!txns.add(txn)) {
            outputs.add(lose("received zxid 0x" + Long.toHexString(txn.zxid()) + " after 0x"
                    + Long.toHexString(previous)));
            return;
        }
        outputs.add(new AppendToLog(txn.zxid(), txn.txn()));
    }

    private void commit(long zxid, List<FollowerOutput> outputs) {
        Long next = txns.nextUncommittedZxid();
        switch (txns.commit(zxid)) {
            case COMMITTED -> applyReady(outputs);
            case OUT_OF_ORDER -> outputs.add(lose("Committing zxid 0x" + Long.toHexString(zxid)
                    + " but next pending txn 0x" + Long.toHexString(next)));
            case NOTHING_PENDING -> {
            }
        }
    }

    private void newLeader(long zxid, List<FollowerOutput> outputs) {
        if (phase != Phase.SYNCING) {
            return;
        }
        phase = Phase.ACKING_NEWLEADER;
        newLeaderZxid = zxid;
        lastZxidBeforeNewLeader = txns.lastQueuedZxid();
        ackNewLeaderIfLogged(outputs);
    }

    /** Persists what the sync brought, accepts the epoch, acks NEWLEADER, then releases the held proposal acks. */
    private void ackNewLeaderIfLogged(List<FollowerOutput> outputs) {
        if (!txns.loggedThrough(lastZxidBeforeNewLeader)) {
            return;
        }
        if (snapshotNeeded) {
            outputs.add(new TakeSnapshot());
        }
        outputs.add(new SetCurrentEpoch(Zxids.epoch(newLeaderZxid)));
        outputs.add(new SendAck(newLeaderZxid));
        phase = Phase.AWAITING_UPTODATE;
        heldAcks.forEach(zxid -> outputs.add(new SendAck(zxid)));
        heldAcks.clear();
    }

    private void upToDate(List<FollowerOutput> outputs) {
        if (phase != Phase.AWAITING_UPTODATE) {
            outputs.add(lose("UPTODATE before NEWLEADER was acked"));
            return;
        }
        phase = Phase.SERVING;
        outputs.add(new SendAck(Zxids.of(Zxids.epoch(newLeaderZxid), 0)));
        outputs.add(new StartServing(leaderEpoch));
    }

    private void applyReady(List<FollowerOutput> outputs) {
        for (LearnerTxn txn : txns.pollApplicable()) {
            assert txn.zxid() > lastAppliedZxid : "apply 0x" + Long.toHexString(txn.zxid()) + " after 0x"
                    + Long.toHexString(lastAppliedZxid);
            lastAppliedZxid = txn.zxid();
            outputs.add(new Apply(txn.zxid(), txn.txn()));
        }
    }

    private boolean newLeaderAcked() {
        return phase == Phase.AWAITING_UPTODATE || phase == Phase.SERVING;
    }

    private LeaderLost lose(String reason) {
        phase = Phase.STOPPED;
        return new LeaderLost(reason);
    }
}
