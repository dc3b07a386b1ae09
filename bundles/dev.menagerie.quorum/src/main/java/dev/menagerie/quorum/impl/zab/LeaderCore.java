package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.quorum.impl.zab.LeaderOutput.AcceptEpoch;
import dev.menagerie.quorum.impl.zab.LeaderOutput.CloseLearner;
import dev.menagerie.quorum.impl.zab.LeaderOutput.GiveUp;
import dev.menagerie.quorum.impl.zab.LeaderOutput.HoldRequests;
import dev.menagerie.quorum.impl.zab.LeaderOutput.ReleaseRequests;
import dev.menagerie.quorum.impl.zab.LeaderOutput.Send;
import dev.menagerie.quorum.impl.zab.LeaderOutput.SendSnapshot;
import dev.menagerie.quorum.impl.zab.LeaderOutput.SetCurrentEpoch;
import dev.menagerie.quorum.impl.zab.LeaderOutput.StartServing;
import dev.menagerie.quorum.impl.zab.LeaderOutput.SteppedDown;
import dev.menagerie.quorum.impl.zab.LeaderOutput.SyncReady;
import dev.menagerie.quorum.impl.zab.LeaderOutput.TransferRefused;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A leader's whole Zab life as a deterministic state machine, after Apache ZooKeeper's Leader and LearnerHandler:
 * discovery (a quorum of FOLLOWERINFO fixes the new epoch, one past the highest accepted epoch; LEADERINFO goes
 * out; a quorum of ACKEPOCH follows), synchronisation of each learner (DIFF, TRUNC or SNAP, then NEWLEADER), the
 * NEWLEADER quorum that establishes the epoch (UPTODATE, then serving), and broadcast through {@link BroadcastCore}.
 * Every wait before broadcast is bounded by initLimit ticks; once broadcasting, losing the quorum for syncLimit ticks
 * ends the leadership. It does no I/O and reads no clock.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
final class LeaderCore {

    /** Zab protocol version 1.0 as Apache's LEADERINFO and LearnerInfo carry it. */
    static final int PROTOCOL_VERSION = 0x10000;

    private enum Phase { DISCOVERY, SYNC, BROADCAST, STOPPED }

    private final long myId;
    private final QuorumVerifier verifier;
    private final int initLimitTicks;
    private final int syncLimitTicks;
    private final long myAcceptedEpoch;
    private final long myCurrentEpoch;
    private final long myLastZxid;
    private final CommittedWindow window;
    private SyncThrottle syncThrottle = SyncThrottle.defaults();
    /** Learners behind the window are synced from the log when they are after this zxid; see {@link #syncFromLog}. */
    private long logIntactAfterZxid = Long.MAX_VALUE;
    /** Learners whose log is being read, with the zxid they reported. */
    private final Map<Long, Long> readingLog = new HashMap<>();
    /** Learners for which reading the log failed in this leadership: they get a snapshot. */
    private final Set<Long> logSyncFailed = new HashSet<>();

    private final Map<Long, LearnerRole> registered = new HashMap<>();
    private final Map<Long, Long> acceptedEpochs = new HashMap<>();
    private final Set<Long> epochAckers = new HashSet<>();
    /** Learners whose ACKEPOCH arrived before a quorum did, with their last zxid; synced once the quorum forms. */
    private final Map<Long, Long> waitingForSync = new java.util.LinkedHashMap<>();
    private final Set<Long> newLeaderAckers = new LinkedHashSet<>();
    private final Set<Long> upToDate = new HashSet<>();
    private final ArrayDeque<long[]> pendingSyncs = new ArrayDeque<>();

    private Phase phase = Phase.DISCOVERY;
    private long phaseStartTick;
    private long nowTick;
    private long newEpoch = -1;
    private BroadcastCore broadcast;
    private long lastAppliedZxid;
    /** The leadership transfer under way, or null. */
    private Handover handover;

    /**
     * @param window the newest committed transactions, loaded from the log at start-up; grows with every commit
     * @param lastZxid the last zxid in the leader's log and tree
     */
    LeaderCore(long myId, QuorumVerifier verifier, int initLimitTicks, int syncLimitTicks, long acceptedEpoch,
            long currentEpoch, long lastZxid, CommittedWindow window) {
        if (initLimitTicks < 1 || syncLimitTicks < 1) {
            throw new IllegalArgumentException("tick limits must be positive");
        }
        this.myId = myId;
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.initLimitTicks = initLimitTicks;
        this.syncLimitTicks = syncLimitTicks;
        this.myAcceptedEpoch = acceptedEpoch;
        this.myCurrentEpoch = currentEpoch;
        this.myLastZxid = lastZxid;
        this.window = Objects.requireNonNull(window, "window");
        if (!window.isUnbrokenUpTo(lastZxid)) {
            // Its holes would DIFF a learner past transactions it lacks, or TRUNC it below what we hold. Without
            // a window, a learner not level with our tree gets TRUNC to its end or a snapshot, as in Apache.
            window.clear();
        }
        this.lastAppliedZxid = lastZxid;
    }

    /** Replaces the default learner sync limits; before {@link #start}. */
    void limitSyncs(SyncThrottle throttle) {
        syncThrottle = Objects.requireNonNull(throttle, "throttle");
    }

    /**
     * Lets a learner behind the in-memory window but at or after {@code intactAfterZxid} be synced from the on-disk
     * log (Apache's snapshotSizeFactor rule): the core asks for the log to be read ({@link LeaderOutput.ReadLog}) and
     * syncs the learner when {@link #logRead} brings it. Before {@link #start}.
     */
    void syncFromLog(long intactAfterZxid) {
        logIntactAfterZxid = intactAfterZxid;
    }

    /** The first inputs: with a one-member quorum the epoch is decided at once. */
    List<LeaderOutput> start() {
        List<LeaderOutput> outputs = new ArrayList<>();
        maybeDecideEpoch(outputs);
        maybeEpochAcked(outputs);
        maybeEstablish(outputs);
        return outputs;
    }

    boolean isBroadcasting() {
        return phase == Phase.BROADCAST;
    }

    boolean isStopped() {
        return phase == Phase.STOPPED;
    }

    /** How many learners are connected and in sync, as Apache's leader metrics count them. */
    record LearnerCounts(int learners, int syncedFollowers, int syncedNonVotingFollowers, int syncedObservers,
            int pendingSyncs) {
    }

    LearnerCounts learnerCounts() {
        int followers = 0;
        int nonVoting = 0;
        int observers = 0;
        for (long sid : upToDate) {
            LearnerRole role = registered.get(sid);
            if (role == LearnerRole.OBSERVER) {
                observers++;
            } else if (role == LearnerRole.FOLLOWER && verifier.votingMembers().contains(sid)) {
                followers++;
            } else if (role == LearnerRole.FOLLOWER) {
                nonVoting++;
            }
        }
        return new LearnerCounts(registered.size(), followers, nonVoting, observers, pendingSyncs.size());
    }

    /** A learner's FOLLOWERINFO or OBSERVERINFO, carrying its accepted epoch. */
    List<LeaderOutput> learnerInfo(long sid, LearnerRole role, long learnerAcceptedEpoch) {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        if (sid == myId) {
            return List.of(new CloseLearner(sid, "a learner claims the leader's own id " + sid));
        }
        registered.put(sid, role);
        List<LeaderOutput> outputs = new ArrayList<>();
        if (newEpoch < 0) {
            acceptedEpochs.put(sid, learnerAcceptedEpoch);
            maybeDecideEpoch(outputs);
        } else {
            outputs.add(leaderInfo(sid));
        }
        return outputs;
    }

    /**
     * A learner's ACKEPOCH: its current epoch (-1 when it had already accepted ours) and last logged zxid. While a
     * quorum has not yet acked the epoch, a learner more recent than the leader is refused, as Apache's
     * waitForEpochAck refuses it; once the quorum has, Apache no longer compares, and such a learner (an old leader
     * with proposals nobody else logged, rejoining late) is synced, which truncates its log.
     */
    List<LeaderOutput> ackEpoch(long sid, long learnerCurrentEpoch, long learnerLastZxid) {
        if (phase == Phase.STOPPED || !registered.containsKey(sid) || newEpoch < 0) {
            return List.of();
        }
        if (phase == Phase.DISCOVERY && learnerCurrentEpoch != -1
                && isMoreRecent(learnerCurrentEpoch, learnerLastZxid)) {
            registered.remove(sid);
            return List.of(new CloseLearner(sid, "follower is ahead of the leader: epoch " + learnerCurrentEpoch
                    + ", zxid 0x" + Long.toHexString(learnerLastZxid) + " against epoch " + myCurrentEpoch
                    + ", zxid 0x" + Long.toHexString(myLastZxid)));
        }
        List<LeaderOutput> outputs = new ArrayList<>();
        if (phase == Phase.DISCOVERY) {
            // As Apache's waitForEpochAck: an ACKEPOCH with current epoch -1 (the learner had accepted this epoch
            // on an earlier connection) counts for no quorum, since it skipped the check above. A follower that was
            // dropped for being ahead would otherwise count on reconnecting, and be truncated to the leader's log.
            if (registered.get(sid) == LearnerRole.FOLLOWER && learnerCurrentEpoch != -1 && learnerLastZxid != -1) {
                epochAckers.add(sid);
            }
            waitingForSync.put(sid, learnerLastZxid);
            maybeEpochAcked(outputs);
        } else {
            sync(sid, learnerLastZxid, outputs);
        }
        return outputs;
    }

    /** An ACK: of NEWLEADER or UPTODATE (the epoch-start zxid) or of a proposal. */
    List<LeaderOutput> ack(long sid, long zxid) {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        List<LeaderOutput> outputs = new ArrayList<>();
        if (newEpoch >= 0 && zxid == Zxids.of(newEpoch, 0)) {
            if (newLeaderAckers.contains(sid) || !registered.containsKey(sid)) {
                return outputs; // the ack of UPTODATE, or of a learner already dropped
            }
            newLeaderAckers.add(sid);
            syncThrottle.end(sid);
            if (broadcast != null) {
                broadcast.newLeaderAcked(sid);
            }
            if (phase == Phase.BROADCAST) {
                sendUpToDate(sid, outputs);
            } else {
                maybeEstablish(outputs);
            }
            return outputs;
        }
        if (broadcast != null) {
            translate(broadcast.ack(sid, zxid), outputs);
        }
        if (handover != null && phase == Phase.BROADCAST) {
            if (sid == handover.targetSid() && handover.step() == Handover.Step.CONFIRMING
                    && zxid == handover.zxid()) {
                outputs.add(stepDown(true, "server " + sid + " logged the handover proposal 0x"
                        + Long.toHexString(zxid) + "; stepping down so that it wins the election"));
            } else {
                maybeSendHandover(outputs);
            }
        }
        return outputs;
    }

    /** Any other packet from a learner, such as a PING reply. */
    void heardFrom(long sid) {
        if (broadcast != null) {
            broadcast.heardFrom(sid);
        }
    }

    /** A learner's REQUEST for sync: answered once what was proposed before it is committed. */
    List<LeaderOutput> syncRequest(long sid) {
        if (phase != Phase.BROADCAST) {
            return List.of();
        }
        if (broadcast.lastCommittedZxid() >= broadcast.lastProposedZxid()) {
            return List.of(new SyncReady(sid));
        }
        pendingSyncs.add(new long[] {sid, broadcast.lastProposedZxid()});
        return List.of();
    }

    List<LeaderOutput> propose(long zxid, byte[] txn) {
        if (phase != Phase.BROADCAST) {
            return List.of(new GiveUp("proposal 0x" + Long.toHexString(zxid) + " while not broadcasting"));
        }
        List<LeaderOutput> outputs = new ArrayList<>();
        translate(broadcast.propose(zxid, txn), outputs);
        maybeSendHandover(outputs);
        return outputs;
    }

    List<LeaderOutput> localLogged(long zxid) {
        List<LeaderOutput> outputs = new ArrayList<>();
        if (broadcast != null && phase != Phase.STOPPED) {
            translate(broadcast.localLogged(zxid), outputs);
            maybeSendHandover(outputs);
        }
        return outputs;
    }

    /** The local server applied everything up to {@code zxid}. */
    void applied(long zxid) {
        lastAppliedZxid = Math.max(lastAppliedZxid, zxid);
        if (broadcast != null) {
            broadcast.applied(zxid);
        }
    }

    /** A learner's connection is gone. */
    List<LeaderOutput> learnerLost(long sid) {
        registered.remove(sid);
        acceptedEpochs.remove(sid);
        epochAckers.remove(sid);
        waitingForSync.remove(sid);
        newLeaderAckers.remove(sid);
        upToDate.remove(sid);
        syncThrottle.end(sid);
        readingLog.remove(sid);
        // Its syncs' clients were told the connection broke; an answer released later would reach the learner on
        // its next connection and complete a newer sync too early (Apache queues it to the dead connection).
        pendingSyncs.removeIf(pending -> pending[0] == sid);
        if (broadcast != null) {
            broadcast.learnerLost(sid);
        }
        if (handover != null && handover.targetSid() == sid && phase == Phase.BROADCAST) {
            return List.of(abandonHandover("server " + sid + " disconnected during the transfer"));
        }
        return List.of();
    }

    List<LeaderOutput> tick() {
        if (phase == Phase.STOPPED) {
            return List.of();
        }
        nowTick++;
        List<LeaderOutput> outputs = new ArrayList<>();
        if (phase != Phase.BROADCAST) {
            if (nowTick - phaseStartTick > initLimitTicks) {
                outputs.add(stop("no quorum " + (phase == Phase.DISCOVERY ? (newEpoch < 0 ? "of FOLLOWERINFO"
                        : "of ACKEPOCH") : "acked NEWLEADER") + " within initLimit (" + initLimitTicks + " ticks)"));
            }
            return outputs;
        }
        translate(broadcast.tick(), outputs);
        if (handover != null && phase == Phase.BROADCAST && handover.expired(nowTick, syncLimitTicks)) {
            outputs.add(abandonHandover("server " + handover.targetSid() + " did not catch up within syncLimit ("
                    + syncLimitTicks + " ticks)"));
        }
        return outputs;
    }

    // ---- leadership transfer ----

    /**
     * An operator asks to move leadership to the voting follower {@code targetSid}. Refused unless this leader
     * broadcasts, the target is a voting follower in sync with it, and no transfer is under way; otherwise the
     * server's requests are held first ({@link #requestsHeld} follows).
     */
    List<LeaderOutput> transferTo(long targetSid) {
        String refusal = transferRefusal(targetSid);
        if (refusal != null) {
            return List.of(new TransferRefused(targetSid, refusal));
        }
        handover = new Handover(targetSid, nowTick);
        return List.of(new HoldRequests(targetSid));
    }

    /** The transfer under way: its target, or -1. */
    long transferTarget() {
        return handover == null ? -1 : handover.targetSid();
    }

    /**
     * The server gives no zxid after {@code lastGivenZxid} until released: once the target logged, and a quorum
     * committed, every proposal, the target alone gets the handover proposal with the next zxid.
     */
    List<LeaderOutput> requestsHeld(long lastGivenZxid, long wallTimeMs) {
        if (handover == null || phase != Phase.BROADCAST || handover.step() != Handover.Step.HOLDING) {
            return List.of(); // given up meanwhile, and released
        }
        // The proposals up to lastGivenZxid may still be on their way here: the report of the hold overtakes them.
        assert broadcast.lastProposedZxid() <= lastGivenZxid : "proposed 0x"
                + Long.toHexString(broadcast.lastProposedZxid()) + " after the last zxid given";
        long zxid = lastGivenZxid + 1;
        handover.held(zxid, HandoverTxn.bytes(zxid, wallTimeMs));
        List<LeaderOutput> outputs = new ArrayList<>();
        maybeSendHandover(outputs);
        return outputs;
    }

    /** The server could not hold its requests: the transfer is given up. */
    List<LeaderOutput> holdFailed(String reason) {
        if (handover == null || phase != Phase.BROADCAST) {
            return List.of();
        }
        return List.of(abandonHandover("the server could not hold its requests: " + reason));
    }

    private String transferRefusal(long targetSid) {
        if (phase != Phase.BROADCAST) {
            return "this server does not lead an established epoch";
        }
        if (handover != null) {
            return "a transfer to server " + handover.targetSid() + " is under way";
        }
        return Handover.refusal(targetSid, myId, verifier, registered.get(targetSid), upToDate.contains(targetSid));
    }

    private void maybeSendHandover(List<LeaderOutput> outputs) {
        if (handover != null && phase == Phase.BROADCAST) {
            handover.proposalOnceCaughtUp(broadcast).ifPresent(outputs::add);
        }
    }

    /**
     * Before the handover proposal went out the leader simply leads on; after, its next zxid would collide with the
     * target's, so it steps down and lets the election decide.
     */
    private LeaderOutput abandonHandover(String reason) {
        Handover given = handover;
        if (given.step() == Handover.Step.CONFIRMING) {
            return stepDown(false, reason + " after it was sent the handover proposal; stepping down, the election"
                    + " decides");
        }
        handover = null;
        return new ReleaseRequests(given.targetSid(), reason);
    }

    private LeaderOutput stepDown(boolean confirmed, String reason) {
        phase = Phase.STOPPED;
        return new SteppedDown(handover.targetSid(), confirmed, reason);
    }

    // ---- discovery ----

    private void maybeDecideEpoch(List<LeaderOutput> outputs) {
        if (newEpoch >= 0) {
            return;
        }
        Set<Long> voters = new HashSet<>();
        voters.add(myId);
        long maxAccepted = myAcceptedEpoch;
        for (Map.Entry<Long, Long> entry : acceptedEpochs.entrySet()) {
            maxAccepted = Math.max(maxAccepted, entry.getValue());
            if (registered.get(entry.getKey()) == LearnerRole.FOLLOWER) {
                voters.add(entry.getKey());
            }
        }
        if (!verifier.containsQuorum(voters)) {
            return;
        }
        newEpoch = maxAccepted + 1;
        assert newEpoch > myAcceptedEpoch && newEpoch > myCurrentEpoch : "new epoch " + newEpoch + " not past "
                + myAcceptedEpoch + "/" + myCurrentEpoch;
        phaseStartTick = nowTick;
        outputs.add(new AcceptEpoch(newEpoch));
        for (long sid : registered.keySet()) {
            outputs.add(leaderInfo(sid));
        }
    }

    private void maybeEpochAcked(List<LeaderOutput> outputs) {
        if (phase != Phase.DISCOVERY || newEpoch < 0) {
            return;
        }
        Set<Long> voters = new HashSet<>(epochAckers);
        voters.add(myId);
        if (!verifier.containsQuorum(voters)) {
            return;
        }
        phase = Phase.SYNC;
        phaseStartTick = nowTick;
        outputs.add(new SetCurrentEpoch(newEpoch));
        broadcast = new BroadcastCore(myId, verifier, syncLimitTicks, Zxids.of(newEpoch, 0));
        Map<Long, Long> ready = new java.util.LinkedHashMap<>(waitingForSync);
        waitingForSync.clear();
        ready.forEach((sid, lastZxid) -> sync(sid, lastZxid, outputs));
    }

    private void sync(long sid, long learnerLastZxid, List<LeaderOutput> outputs) {
        LeaderHistory inMemory = inMemoryHistory();
        if (learnerLastZxid < inMemory.minCommittedZxid() && learnerLastZxid >= logIntactAfterZxid
                && !logSyncFailed.contains(sid)) {
            readingLog.put(sid, learnerLastZxid);
            outputs.add(new LeaderOutput.ReadLog(sid, learnerLastZxid));
            return;
        }
        sync(sid, learnerLastZxid, inMemory, Map.of(), outputs);
    }

    /**
     * The log a {@link LeaderOutput.ReadLog} asked for: the entries from {@code fromZxid} on, or null when it could
     * not be read or a snapshot is cheaper; then the learner gets a snapshot, now and for the rest of this
     * leadership. Ignored when the learner went away meanwhile.
     */
    List<LeaderOutput> logRead(long sid, long fromZxid, List<LoggedTxn> entries) {
        Long waiting = readingLog.get(sid);
        if (phase == Phase.STOPPED || waiting == null || waiting != fromZxid) {
            return List.of();
        }
        readingLog.remove(sid);
        List<LeaderOutput> outputs = new ArrayList<>();
        if (entries == null) {
            logSyncFailed.add(sid);
            sync(sid, fromZxid, inMemoryHistory(), Map.of(), outputs);
            return outputs;
        }
        Map<Long, byte[]> txns = new HashMap<>();
        for (LoggedTxn entry : entries) {
            txns.put(entry.zxid(), entry.txn());
        }
        LeaderHistory history = new LeaderHistory(window.zxids(), lastAppliedZxid, new ReadTxnLog(entries),
                TxnLogSizeLimit.UNLIMITED);
        sync(sid, fromZxid, history, txns, outputs);
        return outputs;
    }

    /** The committed window alone, as the planner sees a leader's history without its log. */
    private LeaderHistory inMemoryHistory() {
        return new LeaderHistory(window.zxids(), lastAppliedZxid, TxnLogSource.NONE, TxnLogSizeLimit.DISABLED);
    }

    private void sync(long sid, long learnerLastZxid, LeaderHistory history, Map<Long, byte[]> logTxns,
            List<LeaderOutput> outputs) {
        SyncPlan plan = SyncPlanner.plan(history, learnerLastZxid);
        String throttled = syncThrottle.begin(sid, registered.get(sid) == LearnerRole.OBSERVER,
                plan.kind() == SyncPlan.Kind.SNAP);
        if (throttled != null) {
            outputs.add(new CloseLearner(sid, throttled));
            return;
        }
        switch (plan.kind()) {
            case DIFF -> outputs.add(new Send(sid, ZabPacketType.DIFF, plan.opZxid(), null));
            case TRUNC -> outputs.add(new Send(sid, ZabPacketType.TRUNC, plan.opZxid(), null));
            case SNAP -> outputs.add(new SendSnapshot(sid, plan.opZxid()));
        }
        long previous = Long.MIN_VALUE;
        for (long zxid : plan.zxidsToSend()) {
            assert zxid > previous && zxid <= broadcast.lastCommittedZxid() : "sync sends 0x"
                    + Long.toHexString(zxid) + " after 0x" + Long.toHexString(previous);
            previous = zxid;
            byte[] txn = window.txn(zxid);
            outputs.add(new Send(sid, ZabPacketType.PROPOSAL, zxid, txn != null ? txn : logTxns.get(zxid)));
            outputs.add(new Send(sid, ZabPacketType.COMMIT, zxid, null));
        }
        translate(broadcast.learnerSynced(sid, registered.get(sid), plan.forwardFromZxid()), outputs);
        outputs.add(new Send(sid, ZabPacketType.NEWLEADER, Zxids.of(newEpoch, 0), null));
    }

    private void maybeEstablish(List<LeaderOutput> outputs) {
        if (phase != Phase.SYNC) {
            return;
        }
        Set<Long> voters = new HashSet<>();
        voters.add(myId);
        for (long sid : newLeaderAckers) {
            if (registered.get(sid) == LearnerRole.FOLLOWER) {
                voters.add(sid);
            }
        }
        if (!verifier.containsQuorum(voters)) {
            return;
        }
        phase = Phase.BROADCAST;
        outputs.add(new StartServing(Zxids.of(newEpoch, 0)));
        for (long sid : newLeaderAckers) {
            sendUpToDate(sid, outputs);
        }
    }

    private void sendUpToDate(long sid, List<LeaderOutput> outputs) {
        if (upToDate.add(sid)) {
            outputs.add(new Send(sid, ZabPacketType.UPTODATE, 0, null));
        }
    }

    private LeaderOutput leaderInfo(long sid) {
        byte[] version = ByteBuffer.allocate(4).putInt(PROTOCOL_VERSION).array();
        return new Send(sid, ZabPacketType.LEADERINFO, Zxids.of(newEpoch, 0), version);
    }

    private boolean isMoreRecent(long learnerCurrentEpoch, long learnerLastZxid) {
        return learnerCurrentEpoch > myCurrentEpoch
                || (learnerCurrentEpoch == myCurrentEpoch && learnerLastZxid > myLastZxid);
    }

    // ---- broadcast ----

    /** Passes the broadcast core's outputs on, noting each commit in the window and its released syncs. */
    private void translate(List<LeaderOutput> fromBroadcast, List<LeaderOutput> outputs) {
        for (LeaderOutput output : fromBroadcast) {
            outputs.add(output);
            if (output instanceof LeaderOutput.Commit commit) {
                window.add(commit.zxid(), commit.txn());
                releaseSyncs(commit.zxid(), outputs);
            } else if (output instanceof GiveUp) {
                phase = Phase.STOPPED;
            }
        }
    }

    private void releaseSyncs(long committedZxid, List<LeaderOutput> outputs) {
        while (!pendingSyncs.isEmpty() && pendingSyncs.peekFirst()[1] <= committedZxid) {
            outputs.add(new SyncReady(pendingSyncs.pollFirst()[0]));
        }
    }

    private GiveUp stop(String reason) {
        phase = Phase.STOPPED;
        return new GiveUp(reason);
    }
}
