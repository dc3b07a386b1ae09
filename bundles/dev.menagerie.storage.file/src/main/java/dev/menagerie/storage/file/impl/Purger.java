package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autopurge, as Apache's PurgeTxnLog: keep the {@code retainCount} newest snapshots that look complete, and the
 * logs needed to replay from the oldest of them (the newest log starting at or before it, and all later ones);
 * delete older snapshots and logs. Nothing at or after the oldest kept snapshot's zxid is ever deleted.
 */
final class Purger {

    private static final Logger LOG = LoggerFactory.getLogger(Purger.class);
    static final int MIN_RETAIN_COUNT = 3;

    private final Path snapDir;
    private final Path logDir;
    private final int retainCount;

    Purger(Path snapDir, Path logDir, int retainCount) {
        this.snapDir = snapDir;
        this.logDir = logDir;
        this.retainCount = Math.max(MIN_RETAIN_COUNT, retainCount);
    }

    /** Deletes what is no longer needed and returns the deleted files. */
    synchronized List<Path> purge() throws IOException {
        List<ZxidFile> snapshots = StorageFiles.snapshotsNewestFirst(snapDir);
        List<ZxidFile> kept = new ArrayList<>();
        for (ZxidFile snapshot : snapshots) {
            if (kept.size() == retainCount) {
                break;
            }
            if (SnapshotTail.looksComplete(snapshot)) {
                kept.add(snapshot);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        long oldestKeptZxid = kept.get(kept.size() - 1).zxid();
        List<ZxidFile> logs = StorageFiles.logs(logDir);
        Set<Path> neededLogs = new HashSet<>();
        StorageFiles.logsFrom(logs, oldestKeptZxid).forEach(log -> neededLogs.add(log.path()));

        List<Path> deleted = new ArrayList<>();
        for (ZxidFile log : logs) {
            if (log.zxid() < oldestKeptZxid && !neededLogs.contains(log.path())) {
                delete(log.path(), deleted);
            }
        }
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            // Oldest first, so an interrupted purge never leaves a gap in front of a kept snapshot.
            if (snapshots.get(i).zxid() < oldestKeptZxid) {
                delete(snapshots.get(i).path(), deleted);
            }
        }
        if (deleted.isEmpty()) {
            LOG.info("Purge: nothing to delete; keeping {} snapshot(s) from zxid {}", kept.size(),
                    LogFormat.hex(oldestKeptZxid));
        }
        return deleted;
    }

    private static void delete(Path file, List<Path> deleted) {
        try {
            Files.deleteIfExists(file);
            deleted.add(file);
            LOG.info("Purge: deleted {}", file);
        } catch (IOException e) {
            LOG.warn("Purge: could not delete {}: {}", file, e.toString());
        }
    }
}
