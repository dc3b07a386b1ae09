package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A data directory written by Apache ZooKeeper 3.9.5 (snapshots and logs) is served by Menagerie with every znode,
 * ACL and Stat field unchanged and the open sessions' ephemerals kept until those sessions expire; and the other
 * way round. The three migrations run at the same time (each has its own servers, ports and folders): each spends
 * most of its minute waiting for a session it abandoned to expire, and the reading server must capture the tree
 * within that session's 40 s, which three migrations at once leave plenty of.
 */
@Execution(ExecutionMode.CONCURRENT)
class DataDirMigrationTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Small, so that the scenario's ~60 transactions leave several snapshots and logs. */
    private static final Map<String, String> SMALL_SNAP_COUNT = Map.of("snapCount", "20");
    /** An expired session is noticed at the next tick after its deadline; the rest is slack for a loaded machine. */
    private static final Duration EXPIRY_WAIT =
            Duration.ofMillis(MigrationScenario.EPHEMERAL_SESSION_TIMEOUT_MS).plusSeconds(20);

    @FunctionalInterface
    interface ServerKind {
        ServerProcess create(String name, Path workDir, Path dataDir, int clientPort, Map<String, String> config)
                throws IOException;
    }

    private static final ServerKind APACHE = (name, workDir, dataDir, port, config) ->
            new ApacheServer(name, workDir, dataDir, port, config, Distribution.testJvmFlags("-Xmx512m"));
    private static final ServerKind MENAGERIE = (name, workDir, dataDir, port, config) ->
            new MenagerieServer(name, workDir, dataDir, port, config, MenagerieServer.Launch.SCRIPT,
                    Distribution.testJvmFlags("-Xmx512m"));

    @Test
    void menagerieServesADataDirectoryWrittenByApacheZooKeeper() throws Exception {
        migrate(APACHE, "apache", MENAGERIE, "menagerie");
    }

    @Test
    void apacheZooKeeperLoadsADataDirectoryWrittenByMenagerie() throws Exception {
        migrate(MENAGERIE, "menagerie", APACHE, "apache");
    }

    /**
     * Apache ZooKeeper with {@code snapshot.compression.method=snappy} writes {@code snapshot.<zxid>.snappy} files;
     * Menagerie serves that directory, and (configured the same) writes snappy snapshots itself: the embedded
     * snappy-java loads its native library inside the OSGi runtime. Apache's reading of ours is covered by the
     * storage bundle's ApacheSnapshotCompatibilityTest.
     */
    @Test
    void menagerieServesAndWritesSnappySnapshotsAsApacheZooKeeper() throws Exception {
        Map<String, String> snappy = Map.of("snapshot.compression.method", "snappy");
        Map<String, String> writerConfig = new HashMap<>(SMALL_SNAP_COUNT);
        writerConfig.putAll(snappy);
        Path dataDir = migrate(APACHE, "apache-snappy", writerConfig, MENAGERIE, "menagerie-snappy", snappy);
        assertTrue(filesNamed(dataDir, "snapshot.") >= 2, "snapshots in " + dataDir);
        try (Stream<Path> files = Files.list(dataDir.resolve("version-2"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot."))
                    .toList();
            assertTrue(names.stream().allMatch(n -> n.endsWith(".snappy") || n.equals("snapshot.0")),
                    "every snapshot is snappy-compressed: " + names);
        }
    }

    private static void migrate(ServerKind writerKind, String writerName, ServerKind readerKind, String readerName)
            throws Exception {
        migrate(writerKind, writerName, SMALL_SNAP_COUNT, readerKind, readerName, Map.of());
    }

    /** Returns the data directory both used. */
    private static Path migrate(ServerKind writerKind, String writerName, Map<String, String> writerConfig,
            ServerKind readerKind, String readerName, Map<String, String> readerConfig) throws Exception {
        Path workDir = Distribution.newWorkDir(writerName + "-to-" + readerName);
        Path dataDir = workDir.resolve("data");
        Map<String, String> expected;
        MigrationScenario.OpenSessions sessions;
        try (ServerProcess writer = writerKind.create(writerName, workDir, dataDir, FreePorts.next(),
                writerConfig)) {
            writer.start();
            Clients.closeQuietly(Clients.awaitServing(writer, START_TIMEOUT));
            sessions = MigrationScenario.write(writer);
            expected = captured(writer);
            assertTrue(filesNamed(dataDir, "snapshot.") >= 2 && filesNamed(dataDir, "log.") >= 2,
                    "the scenario should leave snapshots and logs in " + dataDir);
            // SIGTERM while both ephemeral owners are still connected: their sessions are in the data directory.
            writer.stop();
        }
        // Another port: the abandoned clients keep reconnecting to the old one and must not reach the new server.
        try (ServerProcess reader = readerKind.create(readerName, workDir, dataDir, FreePorts.next(),
                readerConfig)) {
            reader.start();
            Clients.closeQuietly(Clients.awaitServing(reader, START_TIMEOUT));
            String where = writerName + " wrote " + dataDir + ", " + readerName + " read it; output "
                    + reader.outputFile();
            assertEquals(expected, captured(reader), where);
            assertSessionsCarriedOver(reader, sessions, where);
        } finally {
            Clients.closeQuietly(sessions.expiring());
            Clients.closeQuietly(sessions.resumed());
        }
        return dataDir;
    }

    /** The untouched session expires and takes its ephemeral along; the resumed one keeps its ephemeral. */
    private static void assertSessionsCarriedOver(ServerProcess reader, MigrationScenario.OpenSessions sessions,
            String where) throws Exception {
        ZooKeeper resumed = Clients.resume(reader.connectString(), MigrationScenario.EPHEMERAL_SESSION_TIMEOUT_MS,
                sessions.resumed().getSessionId(), sessions.resumed().getSessionPasswd(), Duration.ofSeconds(30));
        ZooKeeper observer = MigrationScenario.authenticatedClient(reader);
        try {
            assertTrue(awaitDeleted(observer, MigrationScenario.EXPIRING_EPHEMERAL, EXPIRY_WAIT),
                    "the ephemeral of the abandoned session is still there " + EXPIRY_WAIT + " after start; "
                            + where);
            assertNotNull(observer.exists(MigrationScenario.RESUMED_EPHEMERAL, false),
                    "the ephemeral of the resumed session is gone; " + where);
            assertEquals(sessions.resumed().getSessionId(), resumed.getSessionId(), where);
        } finally {
            Clients.closeQuietly(observer);
            Clients.closeQuietly(resumed);
        }
    }

    private static boolean awaitDeleted(ZooKeeper client, String path, Duration timeout) throws Exception {
        CountDownLatch deleted = new CountDownLatch(1);
        if (client.exists(path, event -> {
            if (event.getType() == EventType.NodeDeleted) {
                deleted.countDown();
            }
        }) == null) {
            return true;
        }
        return deleted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Map<String, String> captured(ServerProcess server) throws Exception {
        ZooKeeper client = MigrationScenario.authenticatedClient(server);
        try {
            return TreeCapture.of(client, MigrationScenario.ROOT);
        } finally {
            Clients.closeQuietly(client);
        }
    }

    private static long filesNamed(Path dataDir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("version-2"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }
}
