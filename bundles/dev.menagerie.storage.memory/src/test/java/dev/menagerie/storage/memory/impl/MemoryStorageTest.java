package dev.menagerie.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.testing.LogLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What is particular to the memory engine: its warnings, its size bound, and the snapshot stream it refuses. */
class MemoryStorageTest {

    private static final Path UNUSED_DIR = Path.of("unused-by-the-memory-engine");

    private static final long APACHE_PREALLOC_BYTES = 64L * 1024 * 1024;

    /** Opened with Apache's defaults for everything the memory engine ignores. */
    private static Storage open(int snapRetainCount) {
        return new MemoryStorageFactory().open(new StorageSettings(UNUSED_DIR, UNUSED_DIR, APACHE_PREALLOC_BYTES,
                true, snapRetainCount, 0));
    }

    private static LogEntry entry(long zxid) {
        return new LogEntry(zxid, new byte[100]);
    }

    private static int loggedEntries(Storage storage) throws IOException {
        int count = 0;
        try (LogCursor cursor = storage.readLog(0)) {
            while (cursor.next() != null) {
                count++;
            }
        }
        return count;
    }

    @Test
    void openingWarnsOnceThatNothingIsDurable() throws Exception {
        try (LogLines lines = new LogLines(); Storage storage = open(3)) {
            List<String> warnings = lines.containing("storage=memory:");
            assertEquals(1, warnings.size(), "one line: " + warnings);
            assertTrue(warnings.get(0).contains("WARN") && warnings.get(0).contains("not durable")
                    && warnings.get(0).contains("restart loses all data"), warnings.get(0));
        }
    }

    @Test
    void fileEngineSettingsChangedFromTheirDefaultsAreNamedInOneWarning() throws Exception {
        StorageSettings tuned = new StorageSettings(UNUSED_DIR, UNUSED_DIR, 1024 * 1024, false, 3, 1, 50,
                StorageSettings.GZIP);
        try (LogLines lines = new LogLines(); Storage storage = new MemoryStorageFactory().open(tuned)) {
            List<String> ignored = lines.containing("storage=memory ignores");
            assertEquals(1, ignored.size(), "one line: " + ignored);
            for (String named : List.of("WARN", "forceSync=no", "preAllocSize=1024", "fsync.warningthresholdms=50",
                    "snapshot.compression.method=gz", "autopurge.purgeInterval=1")) {
                assertTrue(ignored.get(0).contains(named), named + " in: " + ignored.get(0));
            }
        }
        try (LogLines lines = new LogLines(); Storage storage = open(3)) {
            assertEquals(List.of(), lines.containing("storage=memory ignores"), "nothing to say with the defaults");
        }
    }

    @Test
    void snapshotsBoundTheLogAndTheRetainedSnapshots() throws Exception {
        int snapCount = 100;
        try (Storage storage = open(4)) {
            for (long zxid = 1; zxid <= 20_000; zxid++) {
                storage.append(entry(zxid)).toCompletableFuture().get();
                if (zxid % snapCount == 0) {
                    long at = zxid;
                    storage.snapshot(at, out -> out.writeLong(at));
                }
                if (zxid % 1000 == 0) {
                    assertTrue(loggedEntries(storage) <= 4 * snapCount, "log size at zxid " + zxid);
                }
            }
            assertEquals(20_000, storage.lastLoggedZxid());
            assertEquals(3 * snapCount, loggedEntries(storage), "the entries after the oldest of 4 snapshots");
            long[] oldest = {Long.MAX_VALUE};
            int[] seen = {0};
            assertThrows(IOException.class, () -> storage.loadNewestSnapshot(in -> {
                oldest[0] = Math.min(oldest[0], in.readLong());
                seen[0]++;
                throw new IOException("look at every retained snapshot");
            }));
            assertEquals(4, seen[0], "snapshots retained");
            assertEquals(20_000 - 3 * snapCount, oldest[0]);
        }
    }

    @Test
    void aSnapshotStreamIsRefusedNamingTheEngineThatReadsOne() throws Exception {
        try (Storage storage = open(3)) {
            storage.snapshot(5, out -> out.writeLong(5));
            IOException refused = assertThrows(IOException.class,
                    () -> storage.readSnapshot(new ByteArrayInputStream(new byte[8]), in -> in.readLong()));
            assertTrue(refused.getMessage().contains("storage=file"), refused.getMessage());
            assertEquals(OptionalLong.of(5), storage.loadNewestSnapshot(in -> in.readLong()));
        }
    }
}
