package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.appendAll;
import static dev.menagerie.storage.file.impl.TestStorage.logDir;
import static dev.menagerie.storage.file.impl.TestStorage.logNames;
import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRecoveryTest {

    /** Header 16 bytes; each test entry is 13 bytes of framing around a 92-byte txn. */
    private static final long ENTRY_BYTES = 13 + 92;

    @TempDir
    Path dir;

    private static long offsetOf(long zxid, long firstZxid) {
        return LogFormat.HEADER_BYTES + (zxid - firstZxid) * ENTRY_BYTES;
    }

    @Test
    void tornTailOfLastLogIsCutAndEarlierEntriesSurvive() throws Exception {
        writeLog(1, 10);
        Path log = logDir(dir).resolve("log.1");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(offsetOf(10, 1) + 50);
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(9, storage.lastLoggedZxid());
            assertEquals(range(1, 9), zxids(readAll(storage, 0)));
            assertEquals(offsetOf(10, 1), Files.size(log), "the torn entry is cut off the file");
            appendAll(storage, 10, 11);
            assertEquals(range(1, 11), zxids(readAll(storage, 0)));
        }
    }

    @Test
    void flippedByteInLastLogIsCutAndEarlierEntriesSurvive() throws Exception {
        writeLog(1, 10);
        Path log = logDir(dir).resolve("log.1");
        flipByte(log, offsetOf(8, 1) + 40);
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(7, storage.lastLoggedZxid());
            assertEquals(range(1, 7), zxids(readAll(storage, 0)));
            assertEquals(offsetOf(8, 1), Files.size(log));
        }
    }

    @Test
    void partlyWrittenEntryInPreallocatedSpaceIsCut() throws Exception {
        writeLog(1, 5);
        Path log = logDir(dir).resolve("log.1");
        long sizeBefore = Files.size(log);
        // The last entry's tail never reached the disk: zeros where its payload end and marker should be.
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(offsetOf(5, 1) + 60);
            file.write(new byte[(int) ENTRY_BYTES - 60]);
        }
        assertTrue(sizeBefore > offsetOf(6, 1), "the file was preallocated");
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(4, storage.lastLoggedZxid());
            assertEquals(offsetOf(5, 1), Files.size(log));
        }
    }

    @Test
    void lastLogWithoutCompleteEntryIsDeleted() throws Exception {
        writeLog(1, 3);
        Path empty = logDir(dir).resolve("log.4");
        ByteBuffer header = ByteBuffer.allocate(LogFormat.HEADER_BYTES);
        LogFormat.putHeader(header, LogFormat.LOG_MAGIC, 0);
        Files.write(empty, header.array());
        Files.write(logDir(dir).resolve("log.5"), new byte[7]);
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(3, storage.lastLoggedZxid());
            assertEquals(List.of("log.1"), logNames(dir));
        }
    }

    @Test
    void corruptEntryInAnOlderLogStopsReadingWithAClearError() throws Exception {
        writeLog(1, 5);
        writeLog(6, 8);
        flipByte(logDir(dir).resolve("log.1"), offsetOf(3, 1) + 30);
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(8, storage.lastLoggedZxid(), "only the newest log is checked when opening");
            IOException e = assertThrows(IOException.class, () -> readAll(storage, 0));
            assertTrue(e.getMessage().contains("log.1") && e.getMessage().contains("corrupt"), e.getMessage());
        }
    }

    @Test
    void tornEntryAtTheEndOfAnOlderLogEndsThatLogOnly() throws Exception {
        writeLog(1, 5);
        writeLog(6, 8);
        try (RandomAccessFile file = new RandomAccessFile(logDir(dir).resolve("log.1").toFile(), "rw")) {
            file.setLength(offsetOf(5, 1) + 20);
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            List<Long> expected = new ArrayList<>(range(1, 4));
            expected.addAll(range(6, 8));
            assertEquals(expected, zxids(readAll(storage, 0)));
        }
    }

    @Test
    void notALogIsRefused() throws Exception {
        Files.createDirectories(logDir(dir));
        Files.write(logDir(dir).resolve("log.1"), "this is not a transaction log".getBytes());
        IOException e = assertThrows(IOException.class, () -> TestStorage.open(dir));
        assertTrue(e.getMessage().contains("not a version 2 ZooKeeper transaction log"), e.getMessage());
    }

    /** Writes one log file holding {@code from..to} (each open starts a new file). */
    private void writeLog(long from, long to) throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            appendAll(storage, from, to);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }
}
