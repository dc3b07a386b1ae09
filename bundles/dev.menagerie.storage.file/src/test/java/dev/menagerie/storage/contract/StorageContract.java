package dev.menagerie.storage.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotSource;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every guarantee {@link Storage} documents, as tests: the log (append order, {@code lastLoggedZxid}, reading from
 * any zxid, truncation), snapshots (newest wins, fallback, failed snapshots invisible, truncation drops later
 * ones), epochs, purge, refusing a foreign snapshot stream, and what survives {@code close} and a reopen. An
 * engine's test is a subclass that opens the engine and says whether it is durable. Engines that read snapshot
 * streams ({@link Storage#readSnapshot}) also run {@link SnapshotStreamContract}.
 */
public abstract class StorageContract {

    private static final long WAIT_SECONDS = 10;

    @TempDir
    protected Path dir;

    /** The engine under test, opened with {@code settings} (its data directory is {@code dir}). */
    protected abstract Storage open(StorageSettings settings) throws IOException;

    /**
     * True when what an engine acknowledged survives {@code close} and a reopen on the same settings (the
     * {@code file} engine); false when a reopened storage starts empty (the {@code memory} engine).
     */
    protected abstract boolean durable();

    /** The settings the suite opens with: {@code dir} for data and logs, 3 retained snapshots, no autopurge. */
    protected StorageSettings settings() {
        return new StorageSettings(dir, dir, 64 * 1024, true, 3, 0);
    }

    private Storage open() throws IOException {
        return open(settings());
    }

    // ---- the log ----

    @Test
    void anEmptyLogHasNothingToReadAndLastZxidZero() throws Exception {
        try (Storage storage = open()) {
            assertEquals(0, storage.lastLoggedZxid());
            assertEquals(List.of(), zxids(readAll(storage, 0)));
            assertEquals(List.of(), zxids(readAll(storage, 1)));
        }
    }

    @Test
    void appendedEntriesReadBackInOrderWithTheirBytes() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 20);
            assertEquals(20, storage.lastLoggedZxid());
            List<LogEntry> read = readAll(storage, 1);
            assertEquals(range(1, 20), zxids(read));
            for (LogEntry entry : read) {
                assertArrayEquals(txn(entry.zxid()), entry.txnBytes(), "bytes of " + entry.zxid());
            }
        }
    }

    @Test
    void readingFromTheMiddleStartsAtThatZxidAndPastTheEndFindsNothing() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 30);
            assertEquals(range(17, 30), zxids(readAll(storage, 17)));
            assertEquals(List.of(30L), zxids(readAll(storage, 30)));
            assertEquals(List.of(), zxids(readAll(storage, 31)));
            assertEquals(range(1, 30), zxids(readAll(storage, 0)), "0 reads from the start");
        }
    }

    @Test
    void zxidsMayHaveGapsAndReadingBetweenThemStartsAtTheNextOne() throws Exception {
        try (Storage storage = open()) {
            for (long zxid : List.of(epochZxid(1, 1), epochZxid(1, 2), epochZxid(2, 1), epochZxid(2, 2))) {
                append(storage, zxid);
            }
            assertEquals(epochZxid(2, 2), storage.lastLoggedZxid());
            assertEquals(List.of(epochZxid(2, 1), epochZxid(2, 2)), zxids(readAll(storage, epochZxid(1, 3))));
        }
    }

    @Test
    void appendsIssuedFromManyThreadsCompleteInZxidOrder() throws Exception {
        int threads = 4;
        int perThread = 250;
        Object zxidLock = new Object();
        long[] nextZxid = {1};
        ConcurrentLinkedQueue<Long> completed = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try (Storage storage = open()) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // As the server's prep stage does: zxids are assigned and appended under one lock, acknowledged
                // whenever the engine is ready.
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        synchronized (zxidLock) {
                            long zxid = nextZxid[0]++;
                            all.add(storage.append(new LogEntry(zxid, txn(zxid)))
                                    .thenRun(() -> completed.add(zxid)).toCompletableFuture());
                        }
                    }
                }, "contract-writer-" + t);
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                assertTrue(!writer.isAlive(), "a writer thread is stuck");
            }
            synchronized (zxidLock) {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            List<Long> expected = range(1, threads * perThread);
            assertEquals(expected, List.copyOf(completed), "acknowledged in zxid order");
            assertEquals(expected, zxids(readAll(storage, 1)));
            assertEquals(threads * perThread, storage.lastLoggedZxid());
        }
    }

    @Test
    void truncatingRemovesLaterEntriesAndAppendsContinueAfterIt() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 10);
            storage.truncateLog(6);
            assertEquals(6, storage.lastLoggedZxid());
            assertEquals(range(1, 6), zxids(readAll(storage, 1)));
            byte[] replacement = txn(7, "the new leader's 7");
            storage.append(new LogEntry(7, replacement)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            List<LogEntry> after = readAll(storage, 7);
            assertEquals(List.of(7L), zxids(after));
            assertArrayEquals(replacement, after.get(0).txnBytes(), "the entry appended after the truncation");
            assertEquals(7, storage.lastLoggedZxid());
        }
    }

    @Test
    void truncatingAtOrAfterTheEndChangesNothingAndToZeroEmptiesTheLog() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 5);
            storage.truncateLog(5);
            storage.truncateLog(99);
            assertEquals(range(1, 5), zxids(readAll(storage, 1)));
            assertEquals(5, storage.lastLoggedZxid());
            storage.truncateLog(0);
            assertEquals(List.of(), zxids(readAll(storage, 0)));
            assertEquals(0, storage.lastLoggedZxid());
            appendAll(storage, 1, 2);
            assertEquals(range(1, 2), zxids(readAll(storage, 1)));
        }
    }

    @Test
    void truncatingDropsSnapshotsOfLaterStates() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 10);
            storage.snapshot(5, sealed("at 5"));
            storage.snapshot(8, sealed("at 8"));
            storage.truncateLog(6);
            List<String> loaded = new ArrayList<>();
            assertEquals(OptionalLong.of(5), storage.loadNewestSnapshot(in -> loaded.add(readSealed(in))));
            assertEquals(List.of("at 5"), loaded);
        }
    }

    // ---- snapshots ----

    @Test
    void withoutSnapshotsLoadingFindsNone() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 3);
            assertEquals(OptionalLong.empty(), storage.loadNewestSnapshot(in -> {
                throw new AssertionError("no snapshot to read");
            }));
        }
    }

    @Test
    void theNewestSnapshotIsLoadedSealsAndAll() throws Exception {
        try (Storage storage = open()) {
            for (long zxid = 10; zxid <= 30; zxid += 10) {
                String text = "state at " + zxid;
                storage.snapshot(zxid, out -> {
                    out.writeUTF(text);
                    out.writeSeal();
                    out.writeLong(text.length());
                    out.writeSeal();
                });
            }
            List<Object> seen = new ArrayList<>();
            OptionalLong loaded = storage.loadNewestSnapshot(in -> {
                seen.add(in.readUTF());
                in.checkSeal();
                seen.add(in.atEnd());
                seen.add(in.readLong());
                in.checkSeal();
                seen.add(in.atEnd());
            });
            assertEquals(OptionalLong.of(30), loaded);
            assertEquals(List.of("state at 30", false, 11L, true), seen);
        }
    }

    @Test
    void aSnapshotTheSinkCannotReadFallsBackToTheOlderOne() throws Exception {
        try (Storage storage = open()) {
            storage.snapshot(10, sealed("good"));
            storage.snapshot(20, sealed("unreadable"));
            List<String> loaded = new ArrayList<>();
            OptionalLong zxid = storage.loadNewestSnapshot(in -> {
                String text = readSealed(in);
                if (!text.equals("good")) {
                    throw new IOException("the server cannot read " + text);
                }
                loaded.add(text);
            });
            assertEquals(OptionalLong.of(10), zxid);
            assertEquals(List.of("good"), loaded);
        }
    }

    @Test
    void whenNoSnapshotCanBeReadLoadingFails() throws Exception {
        try (Storage storage = open()) {
            storage.snapshot(10, sealed("one"));
            assertThrows(IOException.class, () -> storage.loadNewestSnapshot(in -> {
                throw new IOException("unreadable");
            }));
        }
    }

    @Test
    void aFailedSnapshotIsNeverLoaded() throws Exception {
        try (Storage storage = open()) {
            storage.snapshot(10, sealed("complete"));
            assertThrows(IOException.class, () -> storage.snapshot(20, out -> {
                sealed("half").writeTo(out);
                throw new IOException("the server failed while writing");
            }));
            List<String> loaded = new ArrayList<>();
            assertEquals(OptionalLong.of(10), storage.loadNewestSnapshot(in -> loaded.add(readSealed(in))));
            assertEquals(List.of("complete"), loaded);
        }
    }

    @Test
    void aSealReadOutOfStepFailsTheRead() throws Exception {
        try (Storage storage = open()) {
            storage.snapshot(10, out -> {
                out.writeLong(1);
                out.writeSeal();
            });
            // Reading fewer bytes than were written before the seal: the seal cannot match.
            assertThrows(IOException.class, () -> storage.loadNewestSnapshot(in -> {
                in.readInt();
                in.checkSeal();
            }));
        }
    }

    @Test
    void aStreamThatIsNotASnapshotIsRefusedWithAReasonAndChangesNothing() throws Exception {
        try (Storage storage = open()) {
            storage.snapshot(10, sealed("stored"));
            byte[] text = "not a snapshot at all, but text".getBytes(StandardCharsets.US_ASCII);
            IOException refused = assertThrows(IOException.class,
                    () -> storage.readSnapshot(new ByteArrayInputStream(text), in -> in.readUTF()));
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "says why: " + refused);
            List<String> loaded = new ArrayList<>();
            assertEquals(OptionalLong.of(10), storage.loadNewestSnapshot(in -> loaded.add(readSealed(in))));
            assertEquals(List.of("stored"), loaded);
        }
    }

    // ---- purge ----

    @Test
    void purgeKeepsTheRetainedSnapshotsAndTheLogAfterTheOldestOfThem() throws Exception {
        try (Storage storage = open()) {
            for (long zxid = 1; zxid <= 60; zxid++) {
                append(storage, zxid);
                if (zxid % 10 == 0) {
                    long at = zxid;
                    storage.snapshot(at, out -> {
                        out.writeLong(at);
                        out.writeSeal();
                    });
                }
            }
            storage.purge();
            storage.purge();
            // Three snapshots are retained (40, 50, 60): every entry after the oldest of them is still there.
            assertEquals(range(41, 60), zxids(readAll(storage, 41)));
            assertEquals(60, storage.lastLoggedZxid());
            List<Long> loaded = new ArrayList<>();
            assertEquals(OptionalLong.of(60), storage.loadNewestSnapshot(in -> {
                loaded.add(in.readLong());
                in.checkSeal();
            }));
            assertEquals(List.of(60L), loaded);
            assertEquals(OptionalLong.of(40), loadOnly(storage, 40), "the oldest retained snapshot is kept");
            assertThrows(IOException.class, () -> loadOnly(storage, 30), "snapshot 30 is purged");
        }
    }

    /** Loads snapshot {@code zxid}: the sink pretends every other one is damaged, so loading falls back to it. */
    private static OptionalLong loadOnly(Storage storage, long zxid) throws IOException {
        return storage.loadNewestSnapshot(in -> {
            if (in.readLong() != zxid) {
                throw new IOException("pretend this one is damaged");
            }
            in.checkSeal();
        });
    }

    // ---- epochs ----

    @Test
    void epochsAreZeroUntilSetThenReadBack() throws Exception {
        try (Storage storage = open()) {
            assertEquals(0, storage.currentEpoch());
            assertEquals(0, storage.acceptedEpoch());
            storage.setAcceptedEpoch(3);
            assertEquals(3, storage.acceptedEpoch());
            assertEquals(0, storage.currentEpoch());
            storage.setCurrentEpoch(3);
            storage.setAcceptedEpoch(4);
            assertEquals(3, storage.currentEpoch());
            assertEquals(4, storage.acceptedEpoch());
        }
    }

    // ---- close and reopen ----

    @Test
    void aReopenedStorageKeepsEverythingWhenDurableAndNothingOtherwise() throws Exception {
        try (Storage storage = open()) {
            appendAll(storage, 1, 12);
            storage.snapshot(8, sealed("at 8"));
            storage.setAcceptedEpoch(2);
            storage.setCurrentEpoch(1);
        }
        try (Storage reopened = open()) {
            List<String> loaded = new ArrayList<>();
            OptionalLong snapshot = reopened.loadNewestSnapshot(in -> loaded.add(readSealed(in)));
            if (durable()) {
                assertEquals(12, reopened.lastLoggedZxid());
                assertEquals(range(1, 12), zxids(readAll(reopened, 1)));
                assertEquals(OptionalLong.of(8), snapshot);
                assertEquals(List.of("at 8"), loaded);
                assertEquals(2, reopened.acceptedEpoch());
                assertEquals(1, reopened.currentEpoch());
            } else {
                assertEquals(0, reopened.lastLoggedZxid());
                assertEquals(List.of(), zxids(readAll(reopened, 0)));
                assertEquals(OptionalLong.empty(), snapshot);
                assertEquals(0, reopened.acceptedEpoch());
                assertEquals(0, reopened.currentEpoch());
            }
            appendAll(reopened, 13, 14);
            assertEquals(14, reopened.lastLoggedZxid());
        }
    }

    @Test
    void aClosedStorageRefusesAppendsAndClosingAgainIsHarmless() throws Exception {
        Storage storage = open();
        appendAll(storage, 1, 2);
        storage.close();
        storage.close();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> storage.append(
                new LogEntry(3, txn(3))).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof IOException, "fails with an IOException: " + refused.getCause());
    }

    // ---- snapshots and transactions for the tests ----

    /**
     * A snapshot body of one string and a seal. A server's body always ends with a seal, and an engine may treat a
     * body that does not as incomplete (the file engine does, as Apache does).
     */
    private static SnapshotSource sealed(String text) {
        return out -> {
            out.writeUTF(text);
            out.writeSeal();
        };
    }

    private static String readSealed(SnapshotInput in) throws IOException {
        String text = in.readUTF();
        in.checkSeal();
        return text;
    }

    /**
     * A serialized {@code TxnHeader} (clientId, cxid, zxid, time, type) and a payload: what the server appends,
     * and what an engine that reads the zxid out of the bytes (as Apache's log format does) expects.
     */
    protected static byte[] txn(long zxid, String payload) {
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(32 + text.length).putLong(0x5eed).putInt((int) zxid).putLong(zxid)
                .putLong(1_700_000_000_000L).putInt(1).put(text).array();
    }

    protected static byte[] txn(long zxid) {
        return txn(zxid, "payload of " + zxid);
    }

    private static long epochZxid(long epoch, long counter) {
        return (epoch << 32) | counter;
    }

    private static void append(Storage storage, long zxid) throws Exception {
        storage.append(new LogEntry(zxid, txn(zxid))).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void appendAll(Storage storage, long from, long to) throws Exception {
        for (long zxid = from; zxid <= to; zxid++) {
            append(storage, zxid);
        }
    }

    private static List<LogEntry> readAll(Storage storage, long fromZxid) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        try (LogCursor cursor = storage.readLog(fromZxid)) {
            for (LogEntry entry = cursor.next(); entry != null; entry = cursor.next()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static List<Long> zxids(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::zxid).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> zxids = new ArrayList<>();
        for (long zxid = from; zxid <= to; zxid++) {
            zxids.add(zxid);
        }
        return zxids;
    }
}
