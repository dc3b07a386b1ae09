package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The container manager removes emptied containers and expired TTL nodes, as Apache's does. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContainerAndTtlCleanupTest {

    @TempDir
    Path dir;

    @BeforeEach
    void checkOften() {
        // Apache reads this as a plain JVM property; the default is a minute.
        System.setProperty("znode.container.checkIntervalMs", "100");
    }

    @AfterEach
    void restore() {
        System.clearProperty("znode.container.checkIntervalMs");
    }

    @Test
    void emptiedContainerAndExpiredTtlNodeAreDeleted() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "extendedTypesEnabled=true")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/box", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            zk.create("/box/item", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/short-lived", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL,
                    new Stat(), 300);
            zk.create("/never-used", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            assertNotNull(zk.exists("/box", false));
            zk.delete("/box/item", -1);
            awaitGone(zk, "/box");
            awaitGone(zk, "/short-lived");
            assertNotNull(zk.exists("/never-used", false),
                    "a container that never had children stays (maxNeverUsedIntervalMs is 0), as in Apache");
            zk.close();
        }
    }

    private static void awaitGone(ZooKeeper zk, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (zk.exists(path, false) != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " was not deleted");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertNull(zk.exists(path, false));
    }
}
