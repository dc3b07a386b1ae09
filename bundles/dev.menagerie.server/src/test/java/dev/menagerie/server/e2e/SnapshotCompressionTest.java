package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code snapshot.compression.method=gz} (or {@code snappy}) writes Apache's {@code snapshot.<zxid>.gz} (or
 * {@code .snappy}), and a restart loads them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotCompressionTest {

    private static final int NODES = 200;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gz", "snappy"})
    void compressedSnapshotsAreWrittenAndLoadedAfterARestart(String method) throws Exception {
        int port;
        String suffix = "." + method;
        String[] config = {"snapCount=20", "snapshot.compression.method=" + method};
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", config)) {
            port = server.port();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            for (int i = 0; i < NODES; i++) {
                zk.create("/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            zk.close();
            Await.untilNoException("a " + method + " snapshot in " + dir, Await.DEFAULT_TIMEOUT,
                    () -> snapshots().stream().anyMatch(name -> name.endsWith(suffix)) ? Boolean.TRUE : null);
        }
        List<String> names = snapshots();
        assertTrue(names.stream().anyMatch(name -> name.endsWith(suffix)), method + " snapshots: " + names);
        assertFalse(names.stream().anyMatch(name -> name.matches("snapshot\\.[0-9a-f]+") && !name.equals("snapshot.0")),
                "after the first, every snapshot is compressed: " + names);
        try (InJvmMenagerie again = new InJvmMenagerie(dir, port, "nio", config)) {
            ZooKeeper zk = JavaClientSmokeTest.connect(again.connectString(), new LinkedBlockingQueue<>());
            for (int i = 0; i < NODES; i++) {
                assertEquals("v" + i, new String(zk.getData("/n" + i, false, null), StandardCharsets.UTF_8));
            }
            zk.close();
        }
    }

    private List<String> snapshots() throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("version-2"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot.")).sorted().toList();
        }
    }
}
