package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the leader's log for a learner behind the in-memory window, off the role's thread: every entry from the
 * learner's last zxid on, as long as the bytes stay within the snapshotSizeFactor budget. Each way it can fail
 * (the zxid is not in the log, a hole within an epoch, over the budget, a read error) says in one line why the
 * learner gets a snapshot instead.
 */
final class SyncLogReader {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLogReader.class);

    private SyncLogReader() {
    }

    /** The entries from {@code fromZxid} (included) to the end of the log, or null when a snapshot must do. */
    static List<LoggedTxn> read(Storage storage, long sid, long fromZxid, TxnLogSizeLimit limit) {
        List<LoggedTxn> entries = new ArrayList<>();
        long bytes = 0;
        try (LogCursor cursor = storage.readLog(fromZxid)) {
            LogEntry entry;
            while ((entry = cursor.next()) != null) {
                long previous = entries.isEmpty() ? -1 : entries.get(entries.size() - 1).zxid();
                if (previous < 0 && entry.zxid() != fromZxid) {
                    break;
                }
                if (previous >= 0 && Zxids.epoch(entry.zxid()) == Zxids.epoch(previous)
                        && entry.zxid() != previous + 1) {
                    LOG.warn("Learner {} gets a snapshot: the log skips from 0x{} to 0x{}", sid,
                            Long.toHexString(previous), Long.toHexString(entry.zxid()));
                    return null;
                }
                bytes += entry.txnBytes().length;
                if (!limit.allows(bytes)) {
                    LOG.info("Learner {} gets a snapshot: the log after its zxid 0x{} is over {} bytes, more than"
                            + " snapshotSizeFactor allows", sid, Long.toHexString(fromZxid), limit.bytes());
                    return null;
                }
                entries.add(new LoggedTxn(entry.zxid(), entry.txnBytes()));
            }
        } catch (IOException e) {
            LOG.warn("Learner {} gets a snapshot: reading the log from 0x{} failed: {}", sid,
                    Long.toHexString(fromZxid), e.getMessage());
            return null;
        }
        if (entries.isEmpty()) {
            LOG.info("Learner {} gets a snapshot: its last zxid 0x{} is no longer in the log", sid,
                    Long.toHexString(fromZxid));
            return null;
        }
        LOG.info("Read {} transactions ({} bytes) of the log after 0x{} to sync learner {} without a snapshot",
                entries.size() - 1, bytes, Long.toHexString(fromZxid), sid);
        return entries;
    }
}
