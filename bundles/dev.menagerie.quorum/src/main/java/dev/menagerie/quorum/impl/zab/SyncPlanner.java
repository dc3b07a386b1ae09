package dev.menagerie.quorum.impl.zab;

import java.util.List;

/**
 * Decides how the leader syncs a learner that reports {@code peerLastZxid}, with the rules of Apache ZooKeeper's
 * LearnerHandler.syncFollower: an empty DIFF when the learner is level with us, TRUNC when it has transactions we
 * never committed, a DIFF of committed proposals from memory or from the on-disk log when we still hold them, and a
 * SNAP otherwise. A pure function of its inputs: it reads nothing and sends nothing.
 */
final class SyncPlanner {

    private SyncPlanner() {
    }

    static SyncPlan plan(LeaderHistory history, long peerLastZxid) {
        long minZxid = history.minCommittedZxid();
        long maxZxid = history.maxCommittedZxid();
        if (history.lastProcessedZxid() == peerLastZxid) {
            return new SyncPlan(SyncPlan.Kind.DIFF, peerLastZxid, List.of(), peerLastZxid);
        }
        // A learner at an epoch start has no log to truncate, whatever its zxid says.
        if (peerLastZxid > maxZxid && !Zxids.isEpochStart(peerLastZxid)) {
            return new SyncPlan(SyncPlan.Kind.TRUNC, maxZxid, List.of(), maxZxid);
        }
        if (peerLastZxid >= minZxid && peerLastZxid <= maxZxid) {
            return fromCommittedLog(history, peerLastZxid);
        }
        if (peerLastZxid < minZxid && history.diskLogLimit().enabled()) {
            return fromDiskLog(history, peerLastZxid);
        }
        return SyncPlan.snap(history.lastProcessedZxid());
    }

    private static SyncPlan fromCommittedLog(LeaderHistory history, long peerLastZxid) {
        SyncProposalQueue queue = new SyncProposalQueue(history.maxCommittedZxid());
        long lastQueuedZxid = queue.add(history.committedLog(), peerLastZxid, Long.MAX_VALUE);
        return queue.planOrSnap(lastQueuedZxid, history.lastProcessedZxid());
    }

    /** The on-disk log bridges the learner to the start of the in-memory window, unless it is too long or has a gap. */
    private static SyncPlan fromDiskLog(LeaderHistory history, long peerLastZxid) {
        List<Long> diskZxids = readableDiskLog(history, peerLastZxid);
        if (diskZxids.isEmpty()) {
            return SyncPlan.snap(history.lastProcessedZxid());
        }
        SyncProposalQueue queue = new SyncProposalQueue(history.maxCommittedZxid());
        long lastQueuedZxid = queue.add(diskZxids, peerLastZxid, history.minCommittedZxid());
        if (lastQueuedZxid < history.minCommittedZxid()) {
            return SyncPlan.snap(history.lastProcessedZxid());
        }
        lastQueuedZxid = queue.add(history.committedLog(), lastQueuedZxid, Long.MAX_VALUE);
        return queue.planOrSnap(lastQueuedZxid, history.lastProcessedZxid());
    }

    private static List<Long> readableDiskLog(LeaderHistory history, long peerLastZxid) {
        List<Long> zxids = history.diskLog().zxidsFrom(peerLastZxid);
        // Starting after the peer's zxid would hide whether the peer holds transactions we do not.
        if (zxids.isEmpty() || zxids.get(0) != peerLastZxid) {
            return List.of();
        }
        if (!history.diskLogLimit().allows(history.diskLog().storageSizeBytesFrom(peerLastZxid))) {
            return List.of();
        }
        return zxids;
    }
}
