package dev.menagerie.storage.file.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.testing.Components;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Opening storages on temp dirs and making transactions, for the tests. */
final class TestStorage {

    static final long SMALL_PREALLOC_BYTES = 64 * 1024;

    private TestStorage() {
    }

    static FileStorage open(Path dir) throws IOException {
        return open(dir, SMALL_PREALLOC_BYTES, true, LogChannel.FILES);
    }

    /** A storage that writes gz snapshots, as {@code snapshot.compression.method=gz} asks. */
    static FileStorage openGzip(Path dir) throws IOException {
        return openCompressed(dir, StorageSettings.GZIP);
    }

    /** A storage that writes compressed snapshots, as {@code snapshot.compression.method=<method>} asks. */
    static FileStorage openCompressed(Path dir, String method) throws IOException {
        StorageSettings settings = new StorageSettings(dir, dir, SMALL_PREALLOC_BYTES, true, 3, 0,
                StorageSettings.DEFAULT_FSYNC_WARNING_THRESHOLD_MS, method);
        return FileStorage.open(FileStorageConfig.from(settings), LogChannel.FILES, storage -> { },
                unrecordedMetrics());
    }

    static FileStorage open(Path dir, long preAllocBytes, boolean forceSync, LogChannel.Opener opener)
            throws IOException {
        StorageSettings settings = new StorageSettings(dir, dir, preAllocBytes, forceSync, 3, 0);
        return FileStorage.open(FileStorageConfig.from(settings), opener, storage -> { }, unrecordedMetrics());
    }

    /** Metrics in a registry of their own, which no test reads. */
    static LogMetrics unrecordedMetrics() {
        return new LogMetrics(Components.create(MetricsRegistry.class).service());
    }

    static Path logDir(Path dir) {
        return dir.resolve(StorageFiles.VERSION_DIR);
    }

    /** A serialized TxnHeader {clientId, cxid, zxid, time, type} followed by {@code payloadBytes} of payload. */
    static byte[] txn(long zxid, int payloadBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(LogFormat.TXN_HEADER_BYTES + payloadBytes);
        buffer.putLong(0x1234).putInt((int) zxid).putLong(zxid).putLong(1_700_000_000_000L).putInt(1);
        for (int i = 0; i < payloadBytes; i++) {
            buffer.put((byte) (zxid + i));
        }
        return buffer.array();
    }

    static LogEntry entry(long zxid) {
        return new LogEntry(zxid, txn(zxid, 60));
    }

    /** Appends entries for zxids {@code from..to} and waits until each is durable. */
    static void appendAll(FileStorage storage, long from, long to) throws Exception {
        for (long zxid = from; zxid <= to; zxid++) {
            storage.append(entry(zxid)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static List<LogEntry> readAll(FileStorage storage, long fromZxid) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        try (LogCursor cursor = storage.readLog(fromZxid)) {
            LogEntry entry;
            while ((entry = cursor.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static List<Long> zxids(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::zxid).toList();
    }

    static List<Long> range(long from, long to) {
        List<Long> zxids = new ArrayList<>();
        for (long z = from; z <= to; z++) {
            zxids.add(z);
        }
        return zxids;
    }

    static List<String> logNames(Path dir) throws IOException {
        return StorageFiles.logs(logDir(dir)).stream().map(ZxidFile::name).toList();
    }
}
