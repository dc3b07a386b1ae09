package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.SnapshotSink;
import dev.menagerie.api.storage.SnapshotSource;
import dev.menagerie.api.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's on-disk layout: snapshots and the epoch files in {@code <dataDir>/version-2}, transaction logs
 * in {@code <dataLogDir>/version-2}. Opening repairs the newest log's tail; the first append after opening, and
 * after each snapshot, starts a new log file.
 *
 * <p>With logs but no snapshot, {@link #loadNewestSnapshot} returns empty while {@link #lastLoggedZxid} is above
 * 0: Apache refuses to start then ("No snapshot found, but there are log entries", ZOOKEEPER-3056) unless
 * {@code snapshot.trust.empty} is set; the server decides.
 */
final class FileStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(FileStorage.class);

    private final Path snapDir;
    private final Path logDir;
    private final LogWriter writer;
    private final SnapshotWriter snapshots;
    private final SnapshotLoader loader;
    private final Purger purger;
    private final PurgeSchedule purgeSchedule;
    private final LogChannel.Opener opener;
    private final Consumer<FileStorage> onClose;
    private boolean closed;

    private FileStorage(Path snapDir, Path logDir, LogWriter writer, Purger purger, int purgeIntervalHours,
            SnapshotCompression snapshotCompression, LogChannel.Opener opener, Consumer<FileStorage> onClose) {
        this.snapDir = snapDir;
        this.logDir = logDir;
        this.writer = writer;
        this.snapshots = new SnapshotWriter(snapDir, snapshotCompression, opener);
        this.opener = opener;
        this.loader = new SnapshotLoader(snapDir);
        this.purger = purger;
        this.purgeSchedule = new PurgeSchedule(purger, purgeIntervalHours, snapDir);
        this.onClose = onClose;
    }

    /** @param metrics where the log writer reports its queue, batches and fsyncs */
    static FileStorage open(FileStorageConfig config, LogChannel.Opener opener, Consumer<FileStorage> onClose,
            LogMetrics metrics) throws IOException {
        config.snapshotCompression().checkAvailable();
        Path snapDir = Files.createDirectories(config.dataDir().resolve(StorageFiles.VERSION_DIR));
        Path logDir = Files.createDirectories(config.dataLogDir().resolve(StorageFiles.VERSION_DIR));
        new SnapshotWriter(snapDir, SnapshotCompression.NONE, opener).deleteStaleTempFiles();
        long lastZxid = LogRecovery.recover(logDir);
        LogWriter writer = new LogWriter(logDir, lastZxid, config.logSettings(), opener, metrics);
        Purger purger = new Purger(snapDir, logDir, config.snapRetainCount());
        FileStorage storage = new FileStorage(snapDir, logDir, writer, purger, config.purgeIntervalHours(),
                config.snapshotCompression(), opener, onClose);
        storage.purgeSchedule.start();
        LOG.info("Opened storage: snapshots in {}, logs in {}, last logged zxid {}", snapDir, logDir,
                LogFormat.hex(lastZxid));
        return storage;
    }

    @Override
    public CompletionStage<Void> append(LogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return writer.append(entry);
    }

    @Override
    public long lastLoggedZxid() {
        return writer.lastZxid();
    }

    @Override
    public LogCursor readLog(long fromZxid) throws IOException {
        List<ZxidFile> files = StorageFiles.logsFrom(StorageFiles.logs(logDir), fromZxid);
        long totalBytes = 0;
        for (ZxidFile file : files) {
            totalBytes += file.path().toFile().length(); // 0 if autopurge just removed it: only for progress
        }
        return new LogFileCursor(files, fromZxid, totalBytes);
    }

    /**
     * Also deletes every snapshot taken after {@code zxid}: such a snapshot holds transactions the leader has just
     * discarded, and loading it after the truncation would bring them back (the digest check would then stop the
     * server at the first transaction the leader sends). Snapshots go first, so a crash in between leaves the log
     * to be truncated again by the next TRUNC, never a snapshot ahead of a truncated log.
     */
    @Override
    public void truncateLog(long zxid) throws IOException {
        boolean deleted = false;
        for (ZxidFile snapshot : StorageFiles.snapshotsNewestFirst(snapDir)) {
            if (snapshot.zxid() > zxid) {
                LOG.warn("Truncating to {}: deleting snapshot {}, which holds transactions after it",
                        LogFormat.hex(zxid), snapshot.path());
                Files.delete(snapshot.path());
                deleted = true;
            }
        }
        if (deleted) {
            StorageFiles.fsyncDirectory(snapDir);
        }
        writer.truncate(zxid);
    }

    @Override
    public void snapshot(long zxid, SnapshotSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        writer.roll();
        snapshots.write(zxid, source);
    }

    @Override
    public OptionalLong loadNewestSnapshot(SnapshotSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return loader.loadNewest(sink);
    }

    @Override
    public void readSnapshot(InputStream stream, SnapshotSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        SnapshotStream.read(stream, sink);
    }

    @Override
    public long currentEpoch() throws IOException {
        return EpochFiles.read(snapDir.resolve(EpochFiles.CURRENT_EPOCH));
    }

    @Override
    public synchronized void setCurrentEpoch(long epoch) throws IOException {
        EpochFiles.write(opener, snapDir.resolve(EpochFiles.CURRENT_EPOCH), epoch);
    }

    @Override
    public long acceptedEpoch() throws IOException {
        return EpochFiles.read(snapDir.resolve(EpochFiles.ACCEPTED_EPOCH));
    }

    @Override
    public synchronized void setAcceptedEpoch(long epoch) throws IOException {
        EpochFiles.write(opener, snapDir.resolve(EpochFiles.ACCEPTED_EPOCH), epoch);
    }

    @Override
    public void purge() throws IOException {
        purger.purge();
    }

    /** How many times the log was forced (for tests). */
    long fsyncCount() {
        return writer.fsyncCount();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            purgeSchedule.stop();
            writer.close();
        } finally {
            onClose.accept(this);
            LOG.info("Closed storage in {}", snapDir);
        }
    }
}
