package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The distribution with {@code storage=memory} in zoo.cfg. By default one standalone server: it warns once that
 * nothing is durable, serves the Java client across snapshots and writes no files under {@code version-2} (that a
 * restart starts empty is the server bundle's StandaloneOnMemoryStorageTest, in one JVM).
 * With {@value #ENSEMBLE_SWITCH}{@code =true} (about a minute more; docs/operations.md) also three servers: the
 * ensemble serves, and a follower that restarts, having lost everything, is brought back by a snapshot from the
 * leader (SNAP) and serves every node again.
 */
class MemoryStorageProcessTest {

    static final String ENSEMBLE_SWITCH = "menagerie.it.memoryEnsemble";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODES = 50;
    private static final String NOT_DURABLE_WARNING = "storage=memory: the transaction log, snapshots and epochs"
            + " are kept in memory only and are not durable";

    private static byte[] value(int i) {
        return ("value " + i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStandaloneServerOnMemoryStorageWarnsOnceAndServes() throws Exception {
        Path work = Distribution.newWorkDir("memory-storage");
        try (MenagerieServer server = MenagerieServer.forTest("standalone", work,
                Map.of("storage", "memory", "snapCount", "20"))) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            try {
                client.create("/mem", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int i = 0; i < NODES; i++) {
                    client.create("/mem/n" + i, value(i), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                }
                for (int i = 0; i < NODES; i++) {
                    assertArrayEquals(value(i), client.getData("/mem/n" + i, false, null), "/mem/n" + i);
                }
            } finally {
                Clients.closeQuietly(client);
            }
            String output = Files.readString(server.outputFile());
            assertEquals(1, output.lines().filter(line -> line.contains(NOT_DURABLE_WARNING)).count(),
                    "one WARN line says the storage is not durable:\n" + server.outputTail());
            assertTrue(!Files.exists(server.dataDir().resolve("version-2")), "no log or snapshot files");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = ENSEMBLE_SWITCH, matches = "true",
            disabledReason = "three server processes take about a minute; run with -D" + ENSEMBLE_SWITCH + "=true")
    void aMemoryEnsembleServesClientsAndARestartedFollowerRejoinsBySnapshot() throws Exception {
        List<Integer> ids = List.of(1, 2, 3);
        Map<Integer, EnsembleMember.Impl> menagerie = ids.stream()
                .collect(Collectors.toMap(Function.identity(), id -> EnsembleMember.Impl.MENAGERIE));
        try (Ensemble ensemble = Ensemble.startMixed(menagerie, EnsembleTest.layout(3, 0), "memory-storage",
                EnsembleTest.JVM_FLAGS, id -> "storage=memory\nsnapCount=100\n")) {
            int leader = ensemble.awaitLeader(EnsembleTest.START_TIMEOUT);
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            for (int id : ids) {
                ensemble.awaitOutputOf(id, NOT_DURABLE_WARNING, EnsembleTest.CHECK_TIMEOUT);
            }
            ZooKeeper writer = Clients.connect(ensemble.connectString(), 30_000, EnsembleTest.CHECK_TIMEOUT);
            try {
                writer.create("/mem", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int i = 0; i < NODES; i++) {
                    writer.create("/mem/n" + i, value(i), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                }
            } finally {
                Clients.closeQuietly(writer);
            }

            int follower = ids.stream().filter(id -> id != leader).findFirst().orElseThrow();
            ensemble.restart(follower);
            ensemble.awaitOutputOf(follower, "Loading a snapshot as of", EnsembleTest.START_TIMEOUT);
            ensemble.awaitServing(follower, EnsembleTest.START_TIMEOUT);
            ZooKeeper reader = ensemble.syncedClient(follower, EnsembleTest.CHECK_TIMEOUT);
            try {
                assertEquals(NODES, reader.getChildren("/mem", false).size(), "children on the restarted follower");
                for (int i = 0; i < NODES; i++) {
                    assertArrayEquals(value(i), reader.getData("/mem/n" + i, false, null), "/mem/n" + i);
                }
            } finally {
                Clients.closeQuietly(reader);
            }
            for (EnsembleMember member : ensemble.members()) {
                assertTrue(!Files.exists(member.dataDir().resolve("version-2")),
                        "server " + member.id() + " wrote no log or snapshot files");
            }
        }
    }
}
