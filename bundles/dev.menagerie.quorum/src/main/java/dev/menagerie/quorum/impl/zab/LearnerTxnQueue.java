package dev.menagerie.quorum.impl.zab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * The learner's received-but-unapplied transactions, in zxid order. A transaction is applied once it is both logged
 * and committed and every earlier one has been applied, so applies follow zxid order whatever order the log writes
 * complete in. Commits must name the oldest uncommitted transaction, as Apache's FollowerZooKeeperServer demands of
 * its pendingTxns.
 */
final class LearnerTxnQueue {

    /** What a COMMIT did. */
    enum CommitResult {
        /** The oldest uncommitted transaction is now committed. */
        COMMITTED,
        /** No transaction waits for a commit; Apache warns and ignores such a COMMIT. */
        NOTHING_PENDING,
        /** The COMMIT names another zxid than the oldest uncommitted one: the streams disagree. */
        OUT_OF_ORDER
    }

    private final Deque<LearnerTxn> unapplied = new ArrayDeque<>();
    private final Deque<LearnerTxn> uncommitted = new ArrayDeque<>();
    private final TreeMap<Long, LearnerTxn> notLogged = new TreeMap<>();
    private long lastQueuedZxid;

    LearnerTxnQueue(long lastQueuedZxid) {
        this.lastQueuedZxid = lastQueuedZxid;
    }

    long lastQueuedZxid() {
        return lastQueuedZxid;
    }

    /** After SNAP or TRUNC, transactions continue from the zxid the leader named. */
    void restartAfter(long zxid) {
        lastQueuedZxid = zxid;
    }

    /** Queues a received transaction; false (and nothing queued) when its zxid is not after the last one. */
    boolean add(LearnerTxn txn) {
        if (txn.zxid() <= lastQueuedZxid) {
            return false;
        }
        lastQueuedZxid = txn.zxid();
        unapplied.addLast(txn);
        notLogged.put(txn.zxid(), txn);
        if (!txn.isCommitted()) {
            uncommitted.addLast(txn);
        }
        return true;
    }

    CommitResult commit(long zxid) {
        LearnerTxn next = uncommitted.peekFirst();
        if (next == null) {
            return CommitResult.NOTHING_PENDING;
        }
        if (next.zxid() != zxid) {
            return CommitResult.OUT_OF_ORDER;
        }
        uncommitted.removeFirst().markCommitted();
        return CommitResult.COMMITTED;
    }

    /** The zxid the next COMMIT must name, if any transaction waits for one. */
    Long nextUncommittedZxid() {
        LearnerTxn next = uncommitted.peekFirst();
        return next == null ? null : next.zxid();
    }

    /** Marks the log write of {@code zxid} done; returns the transaction, or null if none was waiting for it. */
    LearnerTxn logged(long zxid) {
        LearnerTxn txn = notLogged.remove(zxid);
        if (txn != null) {
            txn.markLogged();
        }
        return txn;
    }

    /** True when every transaction up to {@code zxid} that was queued has been logged. */
    boolean loggedThrough(long zxid) {
        return notLogged.headMap(zxid, true).isEmpty();
    }

    /**
     * The newest committed transaction still waiting to be applied (for its log write, or behind one), or
     * {@code lastApplied} when none waits. Commits come in zxid order, so the committed ones are a prefix.
     */
    long lastCommittedZxid(long lastApplied) {
        long last = lastApplied;
        for (LearnerTxn txn : unapplied) {
            if (!txn.isCommitted()) {
                break;
            }
            last = txn.zxid();
        }
        return last;
    }

    /** Removes and returns the transactions that can be applied now, in zxid order. */
    List<LearnerTxn> pollApplicable() {
        List<LearnerTxn> ready = new ArrayList<>();
        while (!unapplied.isEmpty() && unapplied.peekFirst().isApplicable()) {
            ready.add(unapplied.removeFirst());
        }
        return ready;
    }
}
