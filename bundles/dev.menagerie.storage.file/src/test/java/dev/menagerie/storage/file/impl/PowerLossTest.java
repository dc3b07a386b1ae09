package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cuts the power at a random file operation ({@link PowerLossDisk}: unforced writes dropped or torn), reopens the
 * directory on the real file system and checks what an acknowledged write promised. Each scenario runs over many
 * seeds ({@code -Dpowerloss.seeds=N}, default 50); a failure names its seed.
 */
class PowerLossTest {

    /** The simulated disk syncs nothing for real: 50 seeds take about a second per scenario. */
    private static final int SEEDS = Integer.getInteger("powerloss.seeds", 50);

    @TempDir
    Path base;

    @Test
    void acknowledgedAppendsSurviveAndTornTailsAreCut() throws Exception {
        forEachSeed(seed -> {
            PowerCut cut = cutWithin(40, "log", seed);
            Random random = cut.random();
            FileStorage storage = cut.storage();
            int issued = 5 + random.nextInt(60);
            List<CompletableFuture<Void>> appends = new ArrayList<>();
            for (long zxid = 1; zxid <= issued; zxid++) {
                appends.add(storage.append(entry(zxid)).toCompletableFuture());
                if (random.nextInt(4) == 0) { // wait now and then, so groups and files vary
                    settle(appends.get(appends.size() - 1));
                }
                if (random.nextInt(15) == 0) {
                    snapshotQuietly(storage, zxid); // rolls the log: the next append starts a new file
                }
            }
            long acknowledged = 0;
            for (int i = 0; i < appends.size(); i++) {
                if (settle(appends.get(i))) {
                    acknowledged = i + 1;
                }
            }
            try (FileStorage reopened = cut.restart()) {
                List<LogEntry> entries = TestStorage.readAll(reopened, 1);
                long recovered = entries.size();
                String where = "seed " + seed + ": acknowledged up to " + acknowledged + ", recovered "
                        + TestStorage.zxids(entries);
                assertTrue(recovered >= acknowledged, where);
                assertEquals(TestStorage.range(1, recovered), TestStorage.zxids(entries), where);
                for (LogEntry e : entries) {
                    assertArrayEquals(entry(e.zxid()).txnBytes(), e.txnBytes(), where);
                }
                assertEquals(recovered, reopened.lastLoggedZxid(), where);
                TestStorage.appendAll(reopened, recovered + 1, recovered + 2);
                assertEquals(TestStorage.range(1, recovered + 2),
                        TestStorage.zxids(TestStorage.readAll(reopened, 1)), where + ", then appended two");
            }
        });
    }

    @Test
    void unforcedSnapshotsAreIgnoredForTheLastAcknowledgedOne() throws Exception {
        forEachSeed(seed -> {
            PowerCut cut = cutWithin(30, "snap", seed);
            long acknowledged = 0;
            for (long zxid = 1; zxid <= 6; zxid++) {
                byte[] body = body(zxid, 1 + cut.random().nextInt(150_000));
                try {
                    cut.storage().snapshot(zxid, out -> {
                        out.writeInt(body.length);
                        out.write(body);
                        out.writeSeal();
                    });
                    acknowledged = zxid;
                } catch (IOException e) {
                    break; // the cut
                }
            }
            try (FileStorage reopened = cut.restart()) {
                List<byte[]> loaded = new ArrayList<>();
                OptionalLong zxid = reopened.loadNewestSnapshot(in -> {
                    byte[] read = new byte[in.readInt()];
                    in.readFully(read);
                    in.checkSeal();
                    loaded.add(read);
                });
                String where = "seed " + seed + ": acknowledged snapshot " + acknowledged + ", loaded " + zxid;
                assertEquals(acknowledged > 0, zxid.isPresent(), where);
                if (zxid.isPresent()) {
                    assertTrue(zxid.getAsLong() >= acknowledged, where);
                    assertArrayEquals(body(zxid.getAsLong(), loaded.get(loaded.size() - 1).length),
                            loaded.get(loaded.size() - 1), where);
                }
            }
        });
    }

    @Test
    void acknowledgedEpochsSurvive() throws Exception {
        forEachSeed(seed -> {
            PowerCut cut = cutWithin(24, "epoch", seed);
            FileStorage storage = cut.storage();
            long accepted = 0;
            long current = 0;
            try {
                for (long epoch = 1; epoch <= 5; epoch++) {
                    storage.setAcceptedEpoch(epoch);
                    accepted = epoch;
                    storage.setCurrentEpoch(epoch);
                    current = epoch;
                }
            } catch (IOException e) {
                // the cut: what was acknowledged so far must survive
            }
            try (FileStorage reopened = cut.restart()) {
                String where = "seed " + seed + ": acknowledged accepted " + accepted + ", current " + current;
                long acceptedRead = reopened.acceptedEpoch();
                long currentRead = reopened.currentEpoch();
                assertTrue(acceptedRead == accepted || acceptedRead == accepted + 1, where + ", read " + acceptedRead);
                assertTrue(currentRead == current || currentRead == current + 1, where + ", read " + currentRead);
            }
        });
    }

    @Test
    void aNewLogFileIsDurableBeforeAnythingInItIsAcknowledged() throws Exception {
        Path dir = Files.createDirectory(base.resolve("new-log-file"));
        PowerLossDisk disk = new PowerLossDisk(false);
        FileStorage storage = TestStorage.open(dir, TestStorage.SMALL_PREALLOC_BYTES, true, disk);
        TestStorage.appendAll(storage, 1, 3);
        storage.snapshot(3, out -> out.writeSeal()); // rolls the log: zxid 4 starts log.4
        TestStorage.appendAll(storage, 4, 6);
        disk.losePower(undoingEveryUnsyncedChange());
        closeQuietly(storage);
        try (FileStorage reopened = TestStorage.open(dir)) {
            assertEquals(TestStorage.range(1, 6), TestStorage.zxids(TestStorage.readAll(reopened, 1)),
                    "acknowledged entries of a log file whose directory entry a power cut could take");
        }
    }

    @Test
    void anAcknowledgedSnapshotIsDurableAfterItsRename() throws Exception {
        Path dir = Files.createDirectory(base.resolve("renamed-snapshot"));
        PowerLossDisk disk = new PowerLossDisk(false);
        FileStorage storage = TestStorage.open(dir, TestStorage.SMALL_PREALLOC_BYTES, true, disk);
        storage.snapshot(7, out -> {
            out.writeLong(7);
            out.writeSeal();
        });
        disk.losePower(undoingEveryUnsyncedChange());
        closeQuietly(storage);
        try (FileStorage reopened = TestStorage.open(dir)) {
            assertEquals(OptionalLong.of(7), reopened.loadNewestSnapshot(in -> {
                assertEquals(7, in.readLong());
                in.checkSeal();
            }), "the acknowledged snapshot after a power cut that undoes every unsynced rename");
        }
    }

    /** A power cut's choices that keep nothing unforced: no written byte, no create or rename not yet synced. */
    private static Random undoingEveryUnsyncedChange() {
        return new Random() {
            @Override
            public int nextInt(int bound) {
                return 0;
            }

            @Override
            public boolean nextBoolean() {
                return false;
            }
        };
    }

    /** One power cut with its own seed. */
    @FunctionalInterface
    private interface Scenario {
        void run(long seed) throws Exception;
    }

    /** Runs {@code scenario} over every seed; a failure, assertion or exception, names the seed to replay. */
    private static void forEachSeed(Scenario scenario) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            try {
                scenario.run(seed);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("power cut with seed " + seed + " failed: " + e, e);
            }
        }
    }

    /** A storage on a fresh directory whose disk loses power at one of its first {@code maxOperations}. */
    private PowerCut cutWithin(int maxOperations, String scenario, long seed) throws IOException {
        Random random = new Random(seed);
        Path dir = Files.createDirectory(base.resolve(scenario + "-" + seed));
        PowerLossDisk disk = new PowerLossDisk(false);
        FileStorage storage = TestStorage.open(dir, TestStorage.SMALL_PREALLOC_BYTES, true,
                cutAt(disk, random, 1 + random.nextInt(maxOperations)));
        return new PowerCut(random, dir, disk, storage);
    }

    private record PowerCut(Random random, Path dir, PowerLossDisk disk, FileStorage storage) {

        /** Cuts the power if the scenario did not reach the cut (dropping or tearing what is unforced), and
         * opens the directory on the real file system. */
        FileStorage restart() throws IOException {
            disk.losePower(random);
            closeQuietly(storage);
            return TestStorage.open(dir);
        }
    }

    /**
     * An opener on {@code disk} that cuts its power just before the {@code cutAt}-th write, force, truncate, rename
     * or directory sync.
     */
    private static LogChannel.Opener cutAt(PowerLossDisk disk, Random random, int cutAt) {
        AtomicInteger operations = new AtomicInteger();
        Random cutRandom = new Random(random.nextLong());
        IoStep maybeCut = () -> {
            if (operations.incrementAndGet() == cutAt) {
                disk.losePower(cutRandom);
            }
        };
        return new LogChannel.Opener() {
            @Override
            public LogChannel create(Path file) throws IOException {
                return new ForwardingChannel(disk.create(file)) {
                    @Override
                    public void write(ByteBuffer source, long position) throws IOException {
                        maybeCut.run();
                        super.write(source, position);
                    }

                    @Override
                    public void force() throws IOException {
                        maybeCut.run();
                        super.force();
                    }

                    @Override
                    public void truncate(long sizeBytes) throws IOException {
                        maybeCut.run();
                        super.truncate(sizeBytes);
                    }
                };
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                maybeCut.run();
                disk.move(from, to);
            }

            @Override
            public void syncDirectory(Path dir) throws IOException {
                maybeCut.run();
                disk.syncDirectory(dir);
            }
        };
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    private static byte[] body(long zxid, int length) {
        byte[] body = new byte[length];
        new Random(zxid * 31 + length).nextBytes(body);
        return body;
    }

    /** Waits for an append; true when it was acknowledged, false when the cut failed it. */
    private static boolean settle(CompletableFuture<Void> append) throws Exception {
        try {
            append.get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static void snapshotQuietly(FileStorage storage, long zxid) {
        try {
            storage.snapshot(zxid, out -> out.writeSeal());
        } catch (IOException e) {
            // after the cut: the log test does not look at snapshots
        }
    }

    private static void closeQuietly(FileStorage storage) {
        try {
            storage.close();
        } catch (IOException e) {
            // the disk is gone; closing is only for the threads
        }
    }
}
