package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgeTest {

    @TempDir
    Path dir;

    private Path versionDir;

    @BeforeEach
    void files() throws IOException {
        versionDir = Files.createDirectories(dir.resolve("version-2"));
        SnapshotWriter writer = new SnapshotWriter(versionDir, SnapshotCompression.NONE, LogChannel.FILES);
        for (long zxid : new long[] {0x5, 0x10, 0x20, 0x30, 0x40}) {
            writer.write(zxid, out -> out.writeSeal());
        }
        // A newest snapshot cut short by a crash: it does not count as retained, and is newer, so it stays.
        Files.write(versionDir.resolve("snapshot.50"), new byte[] {0x5A, 0x4B, 0x53, 0x4E, 0, 0, 0, 2, 1, 2, 3});
        for (long zxid : new long[] {0x1, 0x8, 0x15, 0x25, 0x38, 0x45}) {
            Files.write(versionDir.resolve(StorageFiles.logName(zxid)), logWithOneEntry(zxid));
        }
        Files.write(versionDir.resolve("currentEpoch"), "3".getBytes());
    }

    private static byte[] logWithOneEntry(long zxid) {
        byte[] txn = TestStorage.txn(zxid, 10);
        ByteBuffer log = ByteBuffer.allocate(LogFormat.HEADER_BYTES + LogFormat.entryBytes(txn));
        LogFormat.putHeader(log, LogFormat.LOG_MAGIC, 0);
        LogFormat.putEntry(log, txn);
        return log.array();
    }

    private Set<String> remaining() throws IOException {
        try (Stream<Path> files = Files.list(versionDir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void keepsNewestSnapshotsAndTheLogsToReplayFromTheOldestKept() throws IOException {
        List<Path> deleted = new Purger(versionDir, versionDir, 3).purge();
        assertEquals(4, deleted.size());
        assertEquals(new TreeSet<>(List.of("snapshot.20", "snapshot.30", "snapshot.40", "snapshot.50", "log.15",
                "log.25", "log.38", "log.45", "currentEpoch")), remaining());
    }

    @Test
    void purgeOnDemandFromTheCommandLineDeletesTheSameFiles() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = PurgeCli.run(new String[] {dir.toString(), "-n", "3"}, new java.io.PrintStream(out),
                System.err);
        assertEquals(PurgeCli.EXIT_OK, status);
        assertTrue(out.toString().contains("deleted 4 files"), out.toString());
        assertEquals(new TreeSet<>(List.of("snapshot.20", "snapshot.30", "snapshot.40", "snapshot.50", "log.15",
                "log.25", "log.38", "log.45", "currentEpoch")), remaining());
    }

    @Test
    void commandLineRefusesACountBelowThreeAsApacheDoes() {
        assertEquals(PurgeCli.EXIT_USAGE, PurgeCli.run(new String[] {dir.toString(), "-n", "2"},
                System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
    }

    @Test
    void retainingMoreThanExistDeletesNothing() throws IOException {
        Set<String> before = remaining();
        assertEquals(List.of(), new Purger(versionDir, versionDir, 10).purge());
        assertEquals(before, remaining());
    }

    @Test
    void retainCountBelowThreeMeansThree() throws IOException {
        new Purger(versionDir, versionDir, 1).purge();
        assertTrue(remaining().containsAll(List.of("snapshot.20", "snapshot.30", "snapshot.40", "log.15")));
    }

    @Test
    void purgeWithoutSnapshotsKeepsEveryLog() throws IOException {
        try (Stream<Path> files = Files.list(versionDir)) {
            for (Path snapshot : files.filter(p -> p.getFileName().toString().startsWith("snapshot")).toList()) {
                Files.delete(snapshot);
            }
        }
        assertEquals(List.of(), new Purger(versionDir, versionDir, 3).purge());
        assertEquals(7, remaining().size());
    }

    @Test
    void scheduledPurgeRunsWhenTheStorageOpens() throws Exception {
        var settings = new StorageSettings(dir, dir, 4096, true, 3, 1);
        try (FileStorage storage = FileStorage.open(FileStorageConfig.from(settings), LogChannel.FILES,
                s -> { }, TestStorage.unrecordedMetrics())) {
            assertEquals(new TreeSet<>(List.of("snapshot.20", "snapshot.30", "snapshot.40", "snapshot.50",
                    "log.15", "log.25", "log.38", "log.45", "currentEpoch")), remainingWhenSettled());
            assertEquals(0x45, storage.lastLoggedZxid());
        }
    }

    /** The purge deletes logs, then snapshots in zxid order: snapshot.10 going is the sign it finished. */
    private Set<String> remainingWhenSettled() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(versionDir.resolve("snapshot.10")) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return remaining();
    }
}
