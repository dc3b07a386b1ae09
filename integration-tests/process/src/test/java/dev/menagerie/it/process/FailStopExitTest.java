package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * A standalone server of the distribution, run by {@code bin/zkServer.sh start-foreground}, stops with exit status
 * 1 and one ERROR line when a failure that must never happen happens at run time (docs/failures.md): here its
 * transaction log's fsync fails, through the storage's test-only fault {@code menagerie.storage.failFsyncWhileExists}.
 * A data directory that does not add up (a corrupt entry in a log file older than the newest) stops start-up the
 * same way.
 */
class FailStopExitTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String FAIL_STOP_LINE = "Stopping this server (fail-stop): ";
    private static final int WRITES_AFTER_THE_FAULT = 5;

    @Test
    void aFailedFsyncAtRunTimeStopsTheProcessWithStatusOneAndAcknowledgesNothingAfterIt() throws Exception {
        Path workDir = Distribution.newWorkDir("failstop");
        Path trigger = workDir.resolve("fail-fsync-now");
        try (MenagerieServer server = new MenagerieServer("failstop", workDir, workDir.resolve("data"),
                FreePorts.next(), Map.of(), MenagerieServer.Launch.SCRIPT,
                List.of("-Xmx512m", "-Dmenagerie.storage.failFsyncWhileExists=" + trigger))) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            try {
                client.create("/before", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                Files.createFile(trigger);
                List<CompletableFuture<Integer>> after = new ArrayList<>();
                for (int i = 0; i < WRITES_AFTER_THE_FAULT; i++) {
                    CompletableFuture<Integer> result = new CompletableFuture<>();
                    client.create("/after-" + i, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                            (rc, path, ctx, name) -> result.complete(rc), null);
                    after.add(result);
                }
                assertEquals(1, server.awaitExit(EXIT_TIMEOUT), "exit status; output:\n" + server.outputTail());
                for (CompletableFuture<Integer> result : after) {
                    int rc = result.get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    assertTrue(rc != KeeperException.Code.OK.intValue(), "a write after the failed fsync was"
                            + " acknowledged; output:\n" + server.outputTail());
                }
            } finally {
                Clients.closeQuietly(client);
            }
            List<String> failStops = Files.readAllLines(server.outputFile()).stream()
                    .filter(line -> line.contains(FAIL_STOP_LINE)).toList();
            assertEquals(1, failStops.size(), "fail-stop lines: " + failStops);
            assertTrue(failStops.get(0).contains("the transaction log cannot be written")
                    && failStops.get(0).contains("test fault: fsync refused"), failStops.get(0));
        }
    }

    @Test
    void aDataDirectoryThatDoesNotAddUpStopsStartUpWithStatusOne() throws Exception {
        Path workDir = Distribution.newWorkDir("failstop-start");
        // A tiny snapCount rolls the log several times, so the oldest log file lies before newer ones.
        try (MenagerieServer server = MenagerieServer.forTest("inconsistent", workDir, Map.of("snapCount", "4"))) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            try {
                for (int i = 0; i < 12; i++) {
                    client.create("/node" + i, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                }
            } finally {
                Clients.closeQuietly(client);
            }
            server.kill(); // the writes are acknowledged, so fsynced; SIGTERM only takes longer
            Path oldestLog = oldest(server.dataDir().resolve("version-2"), "log.");
            assertNotNull(oldestLog, "no log file in " + server.dataDir());
            List<TxnLogFile.Entry> entries = TxnLogFile.entries(oldestLog);
            TxnLogFile.flipByteInside(oldestLog, entries.get(entries.size() / 2));
            keepOnlyTheOldestSnapshot(server.dataDir().resolve("version-2"));
            server.start();
            assertEquals(1, server.awaitExit(START_TIMEOUT), "exit status; output:\n" + server.outputTail());
            List<String> reasons = Files.readAllLines(server.outputFile()).stream()
                    .filter(line -> line.contains("The server could not start")).toList();
            assertEquals(1, reasons.size(), "could-not-start lines: " + reasons + "; output:\n"
                    + server.outputTail());
            assertTrue(reasons.get(0).contains(oldestLog.getFileName() + " at offset")
                    && reasons.get(0).contains("is corrupt"), reasons.get(0));
        }
    }

    private static Path oldest(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .min((a, b) -> Long.compareUnsigned(zxid(a, prefix), zxid(b, prefix))).orElse(null);
        }
    }

    /** The replay then starts before the damaged entry, as it would after losing the newer snapshots. */
    private static void keepOnlyTheOldestSnapshot(Path dir) throws Exception {
        Path oldest = oldest(dir, "snapshot.");
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("snapshot."))
                    .filter(f -> !f.equals(oldest)).toList()) {
                Files.delete(file);
            }
        }
    }

    private static long zxid(Path file, String prefix) {
        return Long.parseUnsignedLong(file.getFileName().toString().substring(prefix.length()), 16);
    }
}
