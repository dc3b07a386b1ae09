package dev.menagerie.quorum.impl.zab;

import java.util.List;
import java.util.Objects;

/**
 * The leader's history as syncing a learner sees it.
 *
 * @param committedLog zxids of the recent committed proposals kept in memory, ascending
 * @param lastProcessedZxid the last zxid applied to the leader's data tree
 * @param diskLog the on-disk transaction log
 * @param diskLogLimit how much of the on-disk log may be sent instead of a snapshot
 */
record LeaderHistory(List<Long> committedLog, long lastProcessedZxid, TxnLogSource diskLog,
        TxnLogSizeLimit diskLogLimit) {

    LeaderHistory {
        committedLog = List.copyOf(committedLog);
        Objects.requireNonNull(diskLog, "diskLog");
        Objects.requireNonNull(diskLogLimit, "diskLogLimit");
    }

    /** With an empty committed log, Apache treats the window as the single last processed zxid. */
    long minCommittedZxid() {
        return committedLog.isEmpty() ? lastProcessedZxid : committedLog.get(0);
    }

    long maxCommittedZxid() {
        return committedLog.isEmpty() ? lastProcessedZxid : committedLog.get(committedLog.size() - 1);
    }
}
