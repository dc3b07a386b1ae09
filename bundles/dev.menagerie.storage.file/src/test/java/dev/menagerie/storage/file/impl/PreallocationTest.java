package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.logDir;
import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreallocationTest {

    private static final long PREALLOC = 64 * 1024;
    private static final long ENTRY_BYTES = 13 + 92;

    @TempDir
    Path dir;

    @Test
    void apacheGrowthRule() {
        // Just after the header, a new file grows by one step past the header (Apache logs are 16 + k*step).
        assertEquals(16 + PREALLOC, ActiveLogFile.paddedSize(16, 16, PREALLOC));
        // Far from the end: unchanged.
        assertEquals(16 + PREALLOC, ActiveLogFile.paddedSize(1000, 16 + PREALLOC, PREALLOC));
        // Within 4 KiB of the end: one more step.
        assertEquals(16 + 2 * PREALLOC, ActiveLogFile.paddedSize(PREALLOC - 4000, 16 + PREALLOC, PREALLOC));
        // Already past the end: up to the step boundary above the position plus a step.
        assertEquals(3 * PREALLOC, ActiveLogFile.paddedSize(2 * PREALLOC + 10, PREALLOC, PREALLOC));
        // Preallocation off.
        assertEquals(500, ActiveLogFile.paddedSize(500, 500, 0));
    }

    @Test
    void newLogIsPreallocatedAndZeroPadded() throws Exception {
        try (FileStorage storage = TestStorage.open(dir, PREALLOC, true, LogChannel.FILES)) {
            TestStorage.appendAll(storage, 1, 3);
        }
        byte[] file = Files.readAllBytes(logDir(dir).resolve("log.1"));
        assertEquals(16 + PREALLOC, file.length);
        for (int i = (int) (16 + 3 * ENTRY_BYTES); i < file.length; i++) {
            assertEquals(0, file[i], "byte " + i + " after the last entry is padding");
        }
    }

    @Test
    void logGrowsByAnotherStepNearItsEnd() throws Exception {
        int entries = (int) ((PREALLOC - 4096) / ENTRY_BYTES) + 5;
        try (FileStorage storage = TestStorage.open(dir, PREALLOC, false, LogChannel.FILES)) {
            List<CompletableFuture<Void>> stages = new ArrayList<>();
            for (long zxid = 1; zxid <= entries; zxid++) {
                stages.add(storage.append(TestStorage.entry(zxid)).toCompletableFuture());
            }
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(range(1, entries), zxids(readAll(storage, 0)));
        }
        long size = Files.size(logDir(dir).resolve("log.1"));
        assertEquals(16 + 2 * PREALLOC, size);
        assertTrue(size > 16 + entries * ENTRY_BYTES + 4096);
    }

    @Test
    void noPreallocationWritesOnlyTheEntries() throws Exception {
        try (FileStorage storage = TestStorage.open(dir, 0, true, LogChannel.FILES)) {
            TestStorage.appendAll(storage, 1, 4);
        }
        assertEquals(16 + 4 * ENTRY_BYTES, Files.size(logDir(dir).resolve("log.1")));
    }
}
