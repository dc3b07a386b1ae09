package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes every logged entry after a zxid, as Apache's {@code FileTxnLog.truncate} does for a leader's TRUNC: later
 * log files are deleted, newest first (a crash part-way leaves a consistent prefix), and the file holding the zxid is
 * cut after it. Unlike Apache, an entry is kept only when its zxid is at most the given one (Apache keeps the first
 * entry at or above it), and having no log at all is not an error (there is nothing to remove).
 */
final class LogTruncation {

    private static final Logger LOG = LoggerFactory.getLogger(LogTruncation.class);

    private LogTruncation() {
    }

    /** Truncates and returns the zxid of the last entry left, 0 when none is. */
    static long truncate(Path logDir, long zxid) throws IOException {
        List<ZxidFile> logs = StorageFiles.logs(logDir);
        ZxidFile holder = null;
        for (int i = logs.size() - 1; i >= 0; i--) {
            ZxidFile log = logs.get(i);
            if (log.zxid() > zxid) {
                LOG.info("Truncating the log to {}: deleting {}", LogFormat.hex(zxid), log.path());
                Files.delete(log.path());
            } else {
                holder = log;
                break;
            }
        }
        if (holder != null) {
            cutAfter(holder, zxid);
        }
        StorageFiles.fsyncDirectory(logDir);
        return LogRecovery.recover(logDir);
    }

    private static void cutAfter(ZxidFile log, long zxid) throws IOException {
        long keepBytes;
        LogEntry entry;
        try (LogFileReader reader = LogFileReader.open(log)) {
            keepBytes = reader.goodOffset();
            while ((entry = reader.next()) != null && entry.zxid() <= zxid) {
                keepBytes = reader.goodOffset();
            }
        } catch (LogFileReader.ShortHeaderException e) {
            return; // recovery deletes it
        }
        // A torn or corrupt tail is left to the recovery that follows; only later entries are cut here.
        if (entry != null) {
            LOG.info("Truncating the log to {}: cutting {} at offset {}", LogFormat.hex(zxid), log.path(),
                    keepBytes);
            LogRecovery.cut(log.path(), keepBytes);
        }
    }
}
