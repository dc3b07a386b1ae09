package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the newest log to a clean end when the storage opens: a torn or corrupt tail (a crash mid-write, a flipped
 * byte) is cut off, and a log left without any complete entry is deleted, so that nothing unacknowledged can
 * reappear and the next log file starts after the last good entry.
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** Repairs the tail and returns the zxid of the last good entry, 0 when no log holds one. */
    static long recover(Path logDir) throws IOException {
        List<ZxidFile> logs = StorageFiles.logs(logDir);
        for (int i = logs.size() - 1; i >= 0; i--) {
            long lastZxid = recoverTail(logs.get(i));
            if (lastZxid >= 0) {
                return lastZxid;
            }
        }
        return 0;
    }

    /** Cuts {@code log} after its last good entry; deletes it and returns -1 when it holds none. */
    private static long recoverTail(ZxidFile log) throws IOException {
        long lastZxid;
        try (LogFileReader reader = LogFileReader.open(log)) {
            LogEntry entry;
            do {
                entry = reader.next();
            } while (entry != null);
            lastZxid = reader.lastZxid();
            if (reader.stop() != LogFileReader.Stop.END && lastZxid >= 0) {
                LOG.warn("Truncated transaction log {} at offset {}, dropping {} bytes up to its end (padding"
                        + " included): {} entry after zxid {} ({})", log.path(), reader.goodOffset(),
                        reader.sizeBytes() - reader.goodOffset(),
                        reader.stop() == LogFileReader.Stop.TORN ? "a torn" : "a corrupt",
                        LogFormat.hex(lastZxid), reader.stopReason());
                cut(log.path(), reader.goodOffset());
            }
        } catch (LogFileReader.ShortHeaderException e) {
            lastZxid = -1;
        }
        if (lastZxid < 0) {
            LOG.warn("Deleting transaction log {}: it holds no complete entry (created just before a crash)",
                    log.path());
            Files.delete(log.path());
            StorageFiles.fsyncDirectory(log.path().getParent());
        }
        return lastZxid;
    }

    static void cut(Path file, long sizeBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(sizeBytes);
            channel.force(true);
        }
    }
}
