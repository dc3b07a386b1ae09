package dev.menagerie.quorum.impl.zab;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The most recent committed transactions, kept in memory so that a learner a little behind gets a DIFF instead of
 * a snapshot (Apache's ZKDatabase committedLog, 500 proposals by default).
 */
final class CommittedWindow {

    static final int DEFAULT_CAPACITY = 500;

    private final int capacity;
    private final TreeMap<Long, byte[]> txns = new TreeMap<>();

    CommittedWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(long zxid, byte[] txn) {
        txns.put(zxid, txn);
        while (txns.size() > capacity) {
            txns.pollFirstEntry();
        }
    }

    /**
     * True when the window ends at {@code lastZxid} and skips no counter within an epoch, so that a learner anywhere
     * in it can be sent exactly what it lacks. A window read from a log whose latest transactions reached the tree
     * in a leader's snapshot (and so never reached the log) stops short of the tree or has a hole.
     */
    boolean isUnbrokenUpTo(long lastZxid) {
        if (txns.isEmpty()) {
            return true;
        }
        if (txns.lastKey() != lastZxid) {
            return false;
        }
        long previous = txns.firstKey();
        for (long zxid : txns.keySet()) {
            if (Zxids.epoch(zxid) == Zxids.epoch(previous) && zxid > previous + 1) {
                return false;
            }
            previous = zxid;
        }
        return true;
    }

    void clear() {
        txns.clear();
    }

    List<Long> zxids() {
        return new ArrayList<>(txns.keySet());
    }

    byte[] txn(long zxid) {
        return txns.get(zxid);
    }
}
