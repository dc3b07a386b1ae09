package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.appendAll;
import static dev.menagerie.storage.file.impl.TestStorage.logDir;
import static dev.menagerie.storage.file.impl.TestStorage.logNames;
import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.StorageFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk, simulated through the channel seam: writes stop half-way and fail, as with ENOSPC. */
class DiskFullTest {

    @TempDir
    Path dir;

    private volatile boolean diskFull;
    private volatile boolean fsyncFails;
    private volatile boolean writeFails;

    private final class FlakyChannel extends ForwardingChannel {

        FlakyChannel(LogChannel real) {
            super(real);
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            if (writeFails) {
                throw new IOException("Input/output error");
            }
            if (diskFull) {
                ByteBuffer half = source.duplicate();
                half.limit(source.position() + source.remaining() / 2);
                super.write(half, position);
                throw new IOException("No space left on device");
            }
            super.write(source, position);
        }

        @Override
        public void force() throws IOException {
            if (fsyncFails) {
                throw new IOException("Input/output error");
            }
            super.force();
        }
    }

    private FileStorage open() throws IOException {
        // No preallocation, so every append writes past the end, as on a disk that has just filled up.
        return TestStorage.open(dir, 0, true, path -> new FlakyChannel(LogChannel.FILES.create(path)));
    }

    @Test
    void failedAppendsLeaveNothingBehindAndLaterAppendsSucceed() throws Exception {
        try (FileStorage storage = open()) {
            appendAll(storage, 1, 5);
            diskFull = true;
            List<CompletableFuture<Void>> failed = appendAsync(storage, 6, 8);
            for (CompletableFuture<Void> stage : failed) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> stage.get(10, TimeUnit.SECONDS));
                assertInstanceOf(IOException.class, e.getCause());
                assertFalse(e.getCause() instanceof StorageFailedException, "a full disk is survived");
            }
            assertEquals(5, storage.lastLoggedZxid());
            assertEquals(range(1, 5), entriesOnDisk(), "the half-written entry was cut off");

            diskFull = false;
            appendAll(storage, 6, 8);
            assertEquals(range(1, 8), zxids(readAll(storage, 0)));
        }
        try (FileStorage storage = open()) {
            assertEquals(8, storage.lastLoggedZxid());
            assertEquals(range(1, 8), zxids(readAll(storage, 0)));
        }
    }

    @Test
    void failedFsyncFailsThisAndEveryLaterAppend() throws Exception {
        try (FileStorage storage = open()) {
            appendAll(storage, 1, 3);
            fsyncFails = true;
            CompletableFuture<Void> stage = storage.append(TestStorage.entry(4)).toCompletableFuture();
            ExecutionException first = assertThrows(ExecutionException.class, () -> stage.get(10, TimeUnit.SECONDS));
            assertInstanceOf(StorageFailedException.class, first.getCause());
            assertTrue(first.getCause().getMessage().contains("fsync"), first.getCause().getMessage());
            fsyncFails = false;
            CompletableFuture<Void> later = storage.append(TestStorage.entry(5)).toCompletableFuture();
            ExecutionException next = assertThrows(ExecutionException.class, () -> later.get(10, TimeUnit.SECONDS));
            assertInstanceOf(StorageFailedException.class, next.getCause(), "the log stays given up");
            assertEquals(3, storage.lastLoggedZxid());
        }
    }

    @Test
    void writeErrorOtherThanDiskFullFailsEveryLaterAppend() throws Exception {
        try (FileStorage storage = open()) {
            appendAll(storage, 1, 2);
            writeFails = true;
            CompletableFuture<Void> stage = storage.append(TestStorage.entry(3)).toCompletableFuture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> stage.get(10, TimeUnit.SECONDS));
            assertInstanceOf(StorageFailedException.class, e.getCause());
            writeFails = false;
            CompletableFuture<Void> later = storage.append(TestStorage.entry(3)).toCompletableFuture();
            assertThrows(ExecutionException.class, () -> later.get(10, TimeUnit.SECONDS));
            assertEquals(2, storage.lastLoggedZxid());
        }
    }

    @Test
    void diskFullWhenStartingALogLeavesNoEmptyFile() throws Exception {
        try (FileStorage storage = open()) {
            diskFull = true;
            CompletableFuture<Void> stage = storage.append(TestStorage.entry(1)).toCompletableFuture();
            assertThrows(ExecutionException.class, () -> stage.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), logNames(dir));
            diskFull = false;
            appendAll(storage, 1, 2);
            assertEquals(List.of("log.1"), logNames(dir));
            assertEquals(range(1, 2), zxids(readAll(storage, 0)));
        }
    }

    private static List<CompletableFuture<Void>> appendAsync(FileStorage storage, long from, long to) {
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (long zxid = from; zxid <= to; zxid++) {
            stages.add(storage.append(TestStorage.entry(zxid)).toCompletableFuture());
        }
        return stages;
    }

    /** What a restart right now would find: the entries of log.1, read straight from the file. */
    private List<Long> entriesOnDisk() throws IOException {
        List<Long> zxids = new ArrayList<>();
        try (LogFileReader reader = LogFileReader.open(new ZxidFile(1, logDir(dir).resolve("log.1")))) {
            LogEntry entry;
            while ((entry = reader.next()) != null) {
                zxids.add(entry.zxid());
            }
            assertEquals(LogFileReader.Stop.END, reader.stop(), "the file ends cleanly: " + reader.stopReason());
        }
        return zxids;
    }
}
