package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's side of Zab's broadcast phase as a deterministic state machine: proposals, acks, ticks and learner
 * arrivals go in; {@link LeaderOutput}s come out: packets to send, commits in zxid order, and a {@link
 * LeaderOutput.GiveUp} once the quorum is lost. It does no I/O and reads no
 * clock. A proposal commits when the acks of its zxid form a quorum of the verifier, the leader's own ack counting
 * once its local log write is reported; commits are released strictly in zxid order. Once the quorum is lost the
 * core is stopped and ignores every further input.
 *
 * <p>Not thread-safe: one thread feeds it, as etcd raft's node loop feeds its state machine.
 */
final class BroadcastCore {

    private final long leaderSid;
    private final QuorumVerifier verifier;
    private final int syncLimitTicks;
    private final Map<Long, ConnectedLearner> learners = new TreeMap<>();
    private final TreeMap<Long, PendingProposal> outstanding = new TreeMap<>();
    /** Committed but not yet reported applied: a learner synced from the data tree still needs these. */
    private final TreeMap<Long, PendingProposal> toBeApplied = new TreeMap<>();
    private long lastProposedZxid;
    private long lastCommittedZxid;
    private long nowTick;
    private boolean stopped;

    /**
     * @param startZxid the zxid the new epoch starts from (epoch &lt;&lt; 32), committed by the NEWLEADER handshake
     */
    BroadcastCore(long leaderSid, QuorumVerifier verifier, int syncLimitTicks, long startZxid) {
        if (syncLimitTicks < 1) {
            throw new IllegalArgumentException("syncLimitTicks must be positive: " + syncLimitTicks);
        }
        this.leaderSid = leaderSid;
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.syncLimitTicks = syncLimitTicks;
        this.lastProposedZxid = startZxid;
        this.lastCommittedZxid = startZxid;
    }

    long lastCommittedZxid() {
        return lastCommittedZxid;
    }

    long lastProposedZxid() {
        return lastProposedZxid;
    }

    boolean isStopped() {
        return stopped;
    }

    /** Broadcasts a transaction to the followers; zxids must increase. */
    List<LeaderOutput> propose(long zxid, byte[] txn) {
        if (stopped) {
            return List.of();
        }
        if (zxid <= lastProposedZxid) {
            throw new IllegalArgumentException("zxid " + Long.toHexString(zxid) + " is not after the last proposed "
                    + Long.toHexString(lastProposedZxid));
        }
        lastProposedZxid = zxid;
        outstanding.put(zxid, new PendingProposal(zxid, txn));
        List<LeaderOutput> outputs = new ArrayList<>();
        for (ConnectedLearner learner : learners.values()) {
            if (learner.isFollower()) {
                outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.PROPOSAL, zxid, txn));
            }
        }
        return outputs;
    }

    /** The leader's own transaction log holds {@code zxid}: its ack now counts. */
    List<LeaderOutput> localLogged(long zxid) {
        return stopped ? List.of() : recordAck(leaderSid, zxid);
    }

    /** A follower acked {@code zxid}. Acks of learners not connected, of committed or unknown zxids are ignored. */
    List<LeaderOutput> ack(long sid, long zxid) {
        ConnectedLearner learner = learners.get(sid);
        if (stopped || learner == null || !learner.isFollower()) {
            return List.of();
        }
        learner.heardAt(nowTick);
        if (!Zxids.isEpochStart(zxid)) {
            learner.acked(zxid);
        }
        return recordAck(sid, zxid);
    }

    /** Any other packet from a learner, such as a PING reply, proves it is alive. */
    void heardFrom(long sid) {
        ConnectedLearner learner = learners.get(sid);
        if (learner != null) {
            learner.heardAt(nowTick);
        }
    }

    /**
     * A learner finished syncing up to {@code syncedUpToZxid} and joins the broadcast. It is sent what happened
     * since, as Apache's Leader.startForwarding does: committed proposals not yet applied and, for followers, the
     * outstanding proposals.
     */
    List<LeaderOutput> learnerSynced(long sid, LearnerRole role, long syncedUpToZxid) {
        if (sid == leaderSid) {
            throw new IllegalArgumentException("the leader " + sid + " is not its own learner");
        }
        if (stopped) {
            return List.of();
        }
        ConnectedLearner learner = new ConnectedLearner(sid, role, nowTick);
        learners.put(sid, learner);
        // The sync leaves the learner's log at the sync point: a TRUNC drops proposals it acked on an earlier
        // connection. Those acks no longer stand for a durable copy; it acks again once it logged them again.
        for (PendingProposal pending : outstanding.tailMap(syncedUpToZxid, false).values()) {
            pending.unack(sid);
        }
        List<LeaderOutput> outputs = new ArrayList<>();
        for (PendingProposal committed : toBeApplied.tailMap(syncedUpToZxid, false).values()) {
            sendCommitted(learner, committed, outputs);
        }
        if (learner.isFollower()) {
            for (PendingProposal pending : outstanding.tailMap(syncedUpToZxid, false).values()) {
                outputs.add(new LeaderOutput.Send(sid, ZabPacketType.PROPOSAL, pending.zxid(), pending.txn()));
            }
        }
        learner.sentBeforeNewLeader(Math.max(syncedUpToZxid, lastProposedZxid));
        return outputs;
    }

    /** The learner acked NEWLEADER, so its log holds what was sent before it. */
    void newLeaderAcked(long sid) {
        ConnectedLearner learner = learners.get(sid);
        if (learner != null) {
            learner.newLeaderAcked();
        }
    }

    /**
     * Whether the follower {@code sid} holds every proposal up to {@code zxid} in its log (a leadership transfer
     * waits for this).
     */
    boolean hasLogged(long sid, long zxid) {
        ConnectedLearner learner = learners.get(sid);
        return learner != null && learner.isFollower() && learner.loggedUpToZxid() >= zxid;
    }

    /** The learner's connection is gone; the acks it already sent still count, until it syncs again. */
    void learnerLost(long sid) {
        learners.remove(sid);
    }

    /** The local data tree applied every transaction up to {@code zxid}. */
    void applied(long zxid) {
        toBeApplied.headMap(zxid, true).clear();
    }

    /**
     * One tick: pings every learner, then checks that the followers heard from within syncLimit ticks, with the
     * leader, still form a quorum.
     */
    List<LeaderOutput> tick() {
        if (stopped) {
            return List.of();
        }
        nowTick++;
        List<LeaderOutput> outputs = new ArrayList<>();
        Set<Long> syncedSids = new HashSet<>();
        syncedSids.add(leaderSid);
        for (ConnectedLearner learner : learners.values()) {
            outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.PING, lastProposedZxid, null));
            if (learner.isFollower() && learner.heardWithin(nowTick, syncLimitTicks)) {
                syncedSids.add(learner.sid());
            }
        }
        if (!verifier.containsQuorum(Set.copyOf(syncedSids))) {
            stopped = true;
            outputs.add(new LeaderOutput.GiveUp("lost the quorum: only " + new TreeSet<>(syncedSids)
                    + " were heard from within syncLimit (" + syncLimitTicks + " ticks)"));
        }
        return outputs;
    }

    private List<LeaderOutput> recordAck(long sid, long zxid) {
        // An epoch-start zxid is the ack of NEWLEADER/UPTODATE, handled by the handshake, not here.
        PendingProposal pending = outstanding.get(zxid);
        if (Zxids.isEpochStart(zxid) || zxid <= lastCommittedZxid || pending == null) {
            return List.of();
        }
        pending.ack(sid);
        return commitReady();
    }

    /** Commits from the lowest outstanding zxid up while each has a quorum, so zxid N never precedes N-1. */
    private List<LeaderOutput> commitReady() {
        List<LeaderOutput> outputs = new ArrayList<>();
        while (!outstanding.isEmpty() && verifier.containsQuorum(outstanding.firstEntry().getValue().ackSids())) {
            PendingProposal committed = outstanding.pollFirstEntry().getValue();
            assert committed.zxid() > lastCommittedZxid && committed.zxid() <= lastProposedZxid : "commit 0x"
                    + Long.toHexString(committed.zxid()) + " after 0x" + Long.toHexString(lastCommittedZxid);
            lastCommittedZxid = committed.zxid();
            toBeApplied.put(committed.zxid(), committed);
            for (ConnectedLearner learner : learners.values()) {
                if (learner.isFollower()) {
                    outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.COMMIT, committed.zxid(), null));
                } else {
                    outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.INFORM, committed.zxid(),
                            committed.txn()));
                }
            }
            outputs.add(new LeaderOutput.Commit(committed.zxid(), committed.txn()));
        }
        return outputs;
    }

    private static void sendCommitted(ConnectedLearner learner, PendingProposal committed,
            List<LeaderOutput> outputs) {
        if (learner.isFollower()) {
            outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.PROPOSAL, committed.zxid(),
                    committed.txn()));
            outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.COMMIT, committed.zxid(), null));
        } else {
            outputs.add(new LeaderOutput.Send(learner.sid(), ZabPacketType.INFORM, committed.zxid(),
                    committed.txn()));
        }
    }
}
