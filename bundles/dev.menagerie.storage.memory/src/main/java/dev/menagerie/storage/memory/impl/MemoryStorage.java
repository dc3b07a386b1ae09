package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.SnapshotSink;
import dev.menagerie.api.storage.SnapshotSource;
import dev.menagerie.api.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage in memory: logged entries in append order, snapshots as sealed byte arrays by zxid, and the two epochs.
 * Appends are acknowledged at once. What bounds its size: it keeps the {@code retainedSnapshots} newest snapshots
 * and, after each snapshot and each purge, drops the entries at or before the oldest of them, so the log holds about
 * {@code retainedSnapshots} times the server's snapCount entries at most (all of them until the first snapshot).
 */
final class MemoryStorage implements Storage {

    /** Apache's minimum for {@code autopurge.snapRetainCount}. */
    static final int MIN_RETAINED_SNAPSHOTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryStorage.class);

    private final int retainedSnapshots;
    /** In append order; zxids increase except after a learner's log diverged, as in Apache's log files. */
    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private final NavigableMap<Long, byte[]> snapshots = new TreeMap<>();
    private long lastLoggedZxid;
    private long currentEpoch;
    private long acceptedEpoch;
    private boolean closed;

    MemoryStorage(int snapRetainCount) {
        this.retainedSnapshots = Math.max(MIN_RETAINED_SNAPSHOTS, snapRetainCount);
    }

    int retainedSnapshots() {
        return retainedSnapshots;
    }

    @Override
    public synchronized CompletionStage<Void> append(LogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the memory storage is closed"));
        }
        log.addLast(entry);
        lastLoggedZxid = entry.zxid();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized long lastLoggedZxid() {
        return lastLoggedZxid;
    }

    /** A cursor over the entries logged when it was opened; later appends are not in it. */
    @Override
    public synchronized LogCursor readLog(long fromZxid) {
        List<LogEntry> from = new ArrayList<>();
        for (LogEntry entry : log) {
            if (entry.zxid() >= fromZxid) {
                from.add(entry);
            }
        }
        Iterator<LogEntry> entries = from.iterator();
        return new LogCursor() {
            @Override
            public LogEntry next() {
                return entries.hasNext() ? entries.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized void truncateLog(long zxid) {
        int before = log.size();
        log.removeIf(entry -> entry.zxid() > zxid);
        int snapshotsBefore = snapshots.size();
        snapshots.tailMap(zxid, false).clear();
        lastLoggedZxid = log.isEmpty() ? Math.min(lastLoggedZxid, zxid) : log.peekLast().zxid();
        LOG.info("Truncated the in-memory log after zxid 0x{}: dropped {} entries and {} snapshots",
                Long.toHexString(zxid), before - log.size(), snapshotsBefore - snapshots.size());
    }

    /** Writes outside the lock (a big tree takes a while); a source that fails leaves nothing behind. */
    @Override
    public void snapshot(long zxid, SnapshotSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        SealedSnapshotOutput out = new SealedSnapshotOutput();
        source.writeTo(out);
        byte[] body = out.toByteArray();
        synchronized (this) {
            if (closed) {
                throw new IOException("the memory storage closed while snapshot 0x" + Long.toHexString(zxid)
                        + " was being written");
            }
            snapshots.put(zxid, body);
            dropWhatRetainedSnapshotsCover();
        }
        LOG.info("Took an in-memory snapshot at zxid 0x{} ({} bytes)", Long.toHexString(zxid), body.length);
    }

    @Override
    public OptionalLong loadNewestSnapshot(SnapshotSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        List<Map.Entry<Long, byte[]>> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(snapshots.descendingMap().entrySet());
        }
        for (Map.Entry<Long, byte[]> snapshot : newestFirst) {
            try {
                sink.readFrom(new SealedSnapshotInput(snapshot.getValue()));
                return OptionalLong.of(snapshot.getKey());
            } catch (IOException | RuntimeException e) {
                LOG.warn("The in-memory snapshot 0x{} could not be loaded: {}; trying an older one",
                        Long.toHexString(snapshot.getKey()), e.toString());
            }
        }
        if (newestFirst.isEmpty()) {
            return OptionalLong.empty();
        }
        throw new IOException("None of the " + newestFirst.size() + " in-memory snapshots could be loaded");
    }

    @Override
    public void readSnapshot(InputStream stream, SnapshotSink sink) throws IOException {
        throw new IOException("the memory storage keeps no snapshot files and cannot read one from a stream;"
                + " restoring a snapshot needs storage=file");
    }

    @Override
    public synchronized long currentEpoch() {
        return currentEpoch;
    }

    @Override
    public synchronized void setCurrentEpoch(long epoch) {
        currentEpoch = epoch;
    }

    @Override
    public synchronized long acceptedEpoch() {
        return acceptedEpoch;
    }

    @Override
    public synchronized void setAcceptedEpoch(long epoch) {
        acceptedEpoch = epoch;
    }

    @Override
    public synchronized void purge() {
        dropWhatRetainedSnapshotsCover();
    }

    /** Keeps the newest snapshots and the entries after the oldest of them; loading needs nothing else. */
    private void dropWhatRetainedSnapshotsCover() {
        while (snapshots.size() > retainedSnapshots) {
            snapshots.pollFirstEntry();
        }
        if (!snapshots.isEmpty()) {
            long oldestKept = snapshots.firstKey();
            log.removeIf(entry -> entry.zxid() <= oldestKept);
        }
    }

    /** Frees what it holds; a closed storage acknowledges no more appends. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.clear();
        snapshots.clear();
        LOG.info("Closed the memory storage; its data is gone");
    }
}
