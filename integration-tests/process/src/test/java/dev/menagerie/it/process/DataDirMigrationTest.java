package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * A data directory written by Apache ZooKeeper 3.9.5 (snapshots and logs) is served by Menagerie with every znode,
 * ACL and Stat field unchanged and the open sessions' ephemerals kept until those sessions expire; and the other
 * way round.
 */
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
            new ApacheServer(name, workDir, dataDir, port, config, List.of("-Xmx512m"));
    private static final ServerKind MENAGERIE = (name, workDir, dataDir, port, config) ->
            new MenagerieServer(name, workDir, dataDir, port, config, MenagerieServer.Launch.SCRIPT,
                    List.of("-Xmx512m"));

    @Test
    void menagerieServesADataDirectoryWrittenByApacheZooKeeper() throws Exception {
        migrate(APACHE, "apache", MENAGERIE, "menagerie");
    }

    @Test
    void apacheZooKeeperLoadsADataDirectoryWrittenByMenagerie() throws Exception {
        migrate(MENAGERIE, "menagerie", APACHE, "apache");
    }

    private static void migrate(ServerKind writerKind, String writerName, ServerKind readerKind, String readerName)
            throws Exception {
        Path workDir = Distribution.newWorkDir(writerName + "-to-" + readerName);
        Path dataDir = workDir.resolve("data");
        Map<String, String> expected;
        MigrationScenario.OpenSessions sessions;
        try (ServerProcess writer = writerKind.create(writerName, workDir, dataDir, FreePorts.next(),
                SMALL_SNAP_COUNT)) {
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
        try (ServerProcess reader = readerKind.create(readerName, workDir, dataDir, FreePorts.next(), Map.of())) {
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
