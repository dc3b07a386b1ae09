package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.appendAll;
import static dev.menagerie.storage.file.impl.TestStorage.logDir;
import static dev.menagerie.storage.file.impl.TestStorage.logNames;
import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.testing.Components;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void appendedEntriesReadBackAfterReopen() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            appendAll(storage, 1, 50);
            assertEquals(50, storage.lastLoggedZxid());
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(50, storage.lastLoggedZxid());
            List<LogEntry> entries = readAll(storage, 1);
            assertEquals(range(1, 50), zxids(entries));
            for (LogEntry entry : entries) {
                assertArrayEquals(TestStorage.txn(entry.zxid(), 60), entry.txnBytes());
            }
            assertEquals(range(20, 50), zxids(readAll(storage, 20)));
        }
    }

    @Test
    void fileHasApacheHeaderAndEntryFraming() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            appendAll(storage, 0x1a, 0x1a);
        }
        byte[] file = Files.readAllBytes(logDir(dir).resolve("log.1a"));
        ByteBuffer in = ByteBuffer.wrap(file);
        assertEquals(0x5A4B4C47, in.getInt(), "magic ZKLG");
        assertEquals(2, in.getInt(), "version");
        assertEquals(0, in.getLong(), "dbid");
        byte[] txn = TestStorage.txn(0x1a, 60);
        Adler32 adler = new Adler32();
        adler.update(txn);
        assertEquals(adler.getValue(), in.getLong(), "checksum of the txn bytes only");
        assertEquals(txn.length, in.getInt());
        byte[] stored = new byte[txn.length];
        in.get(stored);
        assertArrayEquals(txn, stored);
        assertEquals(0x42, in.get(), "end-of-record marker");
        assertEquals(0, in.getLong(), "zero padding follows");
    }

    @Test
    void firstAppendAfterOpenStartsANewLogNamedInLowercaseHex() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            appendAll(storage, 0xA0, 0xA4);
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            appendAll(storage, 0xA5, 0xA6);
            assertEquals(range(0xA0, 0xA6), zxids(readAll(storage, 0)));
        }
        assertEquals(List.of("log.a0", "log.a5"), logNames(dir));
    }

    @Test
    void freshDirectoryHasVersion2AndEmptyLog() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            assertTrue(Files.isDirectory(dir.resolve("version-2")));
            assertEquals(0, storage.lastLoggedZxid());
            assertTrue(readAll(storage, 0).isEmpty());
        }
    }

    @Test
    void separateDataLogDirHoldsTheLogs(@TempDir Path logs) throws Exception {
        var settings = new dev.menagerie.api.storage.StorageSettings(dir, logs, 4096, true, 3, 0);
        var factory = new FileStorageFactory(Components.create(MetricsRegistry.class).service());
        try (var storage = factory.open(settings)) {
            storage.append(TestStorage.entry(7)).toCompletableFuture().get();
        }
        assertTrue(Files.exists(logs.resolve("version-2/log.7")));
        try (var storage = factory.open(settings)) {
            factory.deactivate();
            var stage = storage.append(TestStorage.entry(8)).toCompletableFuture();
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    stage::get);
            assertTrue(e.getCause().getMessage().contains("closed"), "deactivation closed the open storage");
        }
        assertTrue(Files.isDirectory(dir.resolve("version-2")));
        assertTrue(Files.notExists(dir.resolve("version-2/log.7")));
    }

    @Test
    void eachAppendIsCountedAsApachesSyncProcessorCountsIt() throws Exception {
        var metrics = Components.create(MetricsRegistry.class).service();
        var factory = new FileStorageFactory(metrics);
        try (var storage = factory.open(new dev.menagerie.api.storage.StorageSettings(dir, dir, 4096, true, 3, 0))) {
            storage.append(TestStorage.entry(1)).toCompletableFuture().get();
            storage.append(TestStorage.entry(2)).toCompletableFuture().get();
        }
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> sums = new HashMap<>();
        metrics.read(new MetricVisitor() {
            @Override
            public void counter(String name, String key, long value) {
                counts.put(name, value);
            }

            @Override
            public void gauge(String name, String key, Number value) {
            }

            @Override
            public void summary(String name, String key, SummarySnapshot snapshot) {
                counts.put(name, snapshot.count());
                sums.put(name, snapshot.sum());
            }
        });
        assertTrue(counts.get("fsynctime") >= 2, "two appends waited for two fsyncs at least: " + counts);
        assertEquals(2, counts.get("sync_processor_request_queued"));
        assertEquals(2, counts.get("sync_processor_queue_time_ms"));
        assertEquals(2, counts.get("sync_processor_queue_and_flush_time_ms"));
        assertEquals(2, sums.get("sync_processor_batch_size"), "entries written in all batches");
        assertEquals(counts.get("sync_processor_batch_size"), counts.get("sync_processor_queue_flush_time_ms"));
        assertEquals(counts.get("sync_processor_batch_size"), counts.get("sync_process_time"));
    }
}
