package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills a new leader's committed window from the tail of its log. */
final class CommittedWindowLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedWindowLoader.class);

    private CommittedWindowLoader() {
    }

    /** The newest committed transactions of the log, so that a learner slightly behind gets a DIFF. */
    static CommittedWindow load(Replica replica, long lastZxid) {
        int capacity = commitLogCount(replica);
        CommittedWindow window = new CommittedWindow(capacity);
        // Only this epoch's tail: reading across epochs could mean reading a whole old log at start-up.
        long from = Math.max(Zxids.of(Zxids.epoch(lastZxid), 1), lastZxid - capacity);
        try (LogCursor cursor = replica.storage().readLog(from)) {
            LogEntry entry;
            while ((entry = cursor.next()) != null && entry.zxid() <= lastZxid) {
                if (entry.zxid() >= from) {
                    window.add(entry.zxid(), entry.txnBytes());
                }
            }
        } catch (IOException e) {
            LOG.warn("Reading the log for the committed window failed: {}; learners behind get a snapshot",
                    e.getMessage());
            return new CommittedWindow(capacity);
        }
        return window;
    }

    /**
     * How many committed proposals the leader keeps to sync learners by DIFF: Apache's {@code commitLogCount}
     * (zoo.cfg, or {@code -Dzookeeper.commitLogCount}), 500 by default.
     */
    private static int commitLogCount(Replica replica) {
        return QuorumTunables.intValue(replica.config(), "commitLogCount", CommittedWindow.DEFAULT_CAPACITY,
                count -> count > 0, "a positive integer (proposals)");
    }
}
