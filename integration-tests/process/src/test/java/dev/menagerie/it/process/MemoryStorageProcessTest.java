package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The distribution with {@code storage=memory} in zoo.cfg. By default one standalone server: it warns once that
 * nothing is durable, serves the Java client across snapshots and writes no files under {@code version-2} (that a
 * restart starts empty is the server bundle's StandaloneOnMemoryStorageTest, in one JVM). A memory ensemble, and a
 * follower brought back by SNAP after a restart, are in TransportSwapUnderLoadTest, whose members use it.
 */
class MemoryStorageProcessTest {

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
}
