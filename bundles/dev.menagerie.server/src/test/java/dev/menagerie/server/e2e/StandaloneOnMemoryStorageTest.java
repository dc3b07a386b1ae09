package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone server on {@code storage=memory}: it serves reads and writes across snapshots, keeps its log bounded
 * by them, writes nothing under dataDir's {@code version-2}, and a restart starts it empty.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandaloneOnMemoryStorageTest {

    private static final int NODES = 600;
    private static final int SNAP_COUNT = 50;

    @TempDir
    Path dir;

    @Test
    void aServerOnMemoryStorageServesAcrossSnapshotsAndARestartStartsEmpty() throws Exception {
        int port = FreePorts.next();
        AtomicReference<Storage> storage = new AtomicReference<>();
        String[] config = {"storage=memory", "snapCount=" + SNAP_COUNT};
        try (InJvmMenagerie server = new InJvmMenagerie(dir, port, seen -> {
            storage.set(seen);
            return seen;
        }, "nio", config)) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            for (int i = 0; i < NODES; i++) {
                zk.create("/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            for (int i = 0; i < NODES; i++) {
                assertEquals("v" + i, new String(zk.getData("/n" + i, false, null), StandardCharsets.UTF_8));
            }
            zk.close();
            long lastZxid = storage.get().lastLoggedZxid();
            // snapCount is randomized per Apache between half and all of it, so snapshots come every 25 to 50 writes.
            OptionalLong newest = Await.untilNoException("a snapshot of the last hundred writes", Await.DEFAULT_TIMEOUT,
                    () -> {
                OptionalLong zxid = storage.get().loadNewestSnapshot(in -> { });
                return zxid.isPresent() && zxid.getAsLong() > lastZxid - 100 ? zxid : null;
            });
            assertTrue(newest.getAsLong() <= lastZxid, "snapshot " + newest + " within the log " + lastZxid);
            try (LogCursor log = storage.get().readLog(0)) {
                long oldestLogged = log.next().zxid();
                assertTrue(oldestLogged > lastZxid - 4 * SNAP_COUNT, "the log of " + lastZxid + " entries starts at "
                        + oldestLogged + ": it keeps only what the retained snapshots do not cover");
            }
        }
        assertTrue(!Files.exists(dir.resolve("data").resolve("version-2")),
                "the memory engine writes no snapshot or log files");
        try (InJvmMenagerie again = new InJvmMenagerie(dir, port, "nio", config)) {
            assertEquals(0, again.server().server().lastProcessedZxid(), "started from an empty database");
            ZooKeeper zk = JavaClientSmokeTest.connect(again.connectString(), new LinkedBlockingQueue<>());
            assertNull(zk.exists("/n0", false), "a restart on memory storage loses every node");
            zk.close();
        }
    }
}
