package dev.menagerie.quorum.impl.zab;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the committed proposals a learner lacks and picks the packet that precedes them, walking a log the way
 * Apache's LearnerHandler.queueCommittedProposals does. It may be fed twice: on-disk log first, then the in-memory
 * window.
 */
final class SyncProposalQueue {

    private final long lastCommittedZxid;
    private final List<Long> zxidsToSend = new ArrayList<>();
    private SyncPlan.Kind opKind;
    private long opZxid;

    SyncProposalQueue(long lastCommittedZxid) {
        this.lastCommittedZxid = lastCommittedZxid;
    }

    /**
     * Queues the zxids of {@code log} above {@code fromZxid} and up to {@code maxZxid}.
     *
     * @return the last zxid queued, or {@code fromZxid} when none was
     */
    long add(List<Long> log, long fromZxid, long maxZxid) {
        boolean fromEpochStart = Zxids.isEpochStart(fromZxid);
        long queuedZxid = fromZxid;
        long previousZxid = -1L;
        for (long zxid : log) {
            if (zxid > maxZxid) {
                break;
            }
            if (zxid < fromZxid) {
                previousZxid = zxid;
                continue;
            }
            if (opKind == null) {
                if (zxid == fromZxid) {
                    choose(SyncPlan.Kind.DIFF, lastCommittedZxid);
                    continue;
                }
                if (fromEpochStart) {
                    choose(SyncPlan.Kind.DIFF, lastCommittedZxid);
                } else if (Zxids.epoch(zxid) != Zxids.epoch(fromZxid)) {
                    // A learner truncating across an epoch boundary would fail; the caller falls back to SNAP.
                    return queuedZxid;
                } else {
                    // The learner holds transactions of this epoch we never committed: it may be an old leader.
                    choose(SyncPlan.Kind.TRUNC, previousZxid);
                }
            }
            if (zxid > queuedZxid) {
                zxidsToSend.add(zxid);
                queuedZxid = zxid;
            }
        }
        if (opKind == null && fromEpochStart) {
            // Our history predates the learner's new epoch and nothing happened since: an empty DIFF.
            choose(SyncPlan.Kind.DIFF, lastCommittedZxid);
        }
        return queuedZxid;
    }

    /** The plan, or a SNAP when no DIFF or TRUNC could be chosen (Apache's "unhandled scenario" fallback). */
    SyncPlan planOrSnap(long lastQueuedZxid, long lastProcessedZxid) {
        if (opKind == null) {
            return SyncPlan.snap(lastProcessedZxid);
        }
        return new SyncPlan(opKind, opZxid, zxidsToSend, lastQueuedZxid);
    }

    private void choose(SyncPlan.Kind kind, long zxid) {
        opKind = kind;
        opZxid = zxid;
    }
}
