package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official ZooKeeper 3.9.5 Java client against a Menagerie server, on both transports. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JavaClientSmokeTest {

    @TempDir
    Path dir;

    static ZooKeeper connect(String connectString, BlockingQueue<WatchedEvent> events) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected && event.getType() == Watcher.Event.EventType.None) {
                connected.countDown();
            } else if (event.getType() != Watcher.Event.EventType.None) {
                events.add(event);
            }
        });
        assertTrue(connected.await(15, TimeUnit.SECONDS), "connected");
        return zk;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void crudWatchesAndMultiWork(String transport) throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, transport)) {
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper zk = connect(server.connectString(), events);
            try {
                assertEquals("/a", zk.create("/a", "one".getBytes(StandardCharsets.UTF_8),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                Stat stat = new Stat();
                assertArrayEquals("one".getBytes(StandardCharsets.UTF_8), zk.getData("/a", true, stat));
                assertEquals(0, stat.getVersion());
                zk.setData("/a", "two".getBytes(StandardCharsets.UTF_8), 0);
                WatchedEvent changed = events.poll(10, TimeUnit.SECONDS);
                assertEquals(Watcher.Event.EventType.NodeDataChanged, changed.getType());
                assertEquals("/a", changed.getPath());

                String seq = zk.create("/a/s-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                assertEquals("/a/s-0000000000", seq);
                assertEquals(List.of("s-0000000000"), zk.getChildren("/a", false));
                assertThrows(KeeperException.BadVersionException.class, () -> zk.setData("/a", new byte[0], 7));
                assertThrows(KeeperException.NodeExistsException.class, () -> zk.create("/a", new byte[0],
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                assertThrows(KeeperException.NotEmptyException.class, () -> zk.delete("/a", -1));

                List<OpResult> results = zk.multi(List.of(
                        Op.create("/m", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                        Op.setData("/m", "x".getBytes(StandardCharsets.UTF_8), 0),
                        Op.check("/a", 1)));
                assertEquals(3, results.size());
                KeeperException failed = assertThrows(KeeperException.class, () -> zk.multi(List.of(
                        Op.create("/n", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                        Op.delete("/missing", -1))));
                assertEquals(KeeperException.Code.NONODE, failed.code());
                assertNull(zk.exists("/n", false), "a failed multi changes nothing");
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void ephemeralsGoAwayWithTheirSessionAndDataSurvivesRestart() throws Exception {
        int port;
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            port = server.port();
            ZooKeeper owner = connect(server.connectString(), new LinkedBlockingQueue<>());
            ZooKeeper observer = connect(server.connectString(), new LinkedBlockingQueue<>());
            owner.create("/keep", "k".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            owner.create("/gone", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertTrue(observer.exists("/gone", false) != null);
            owner.close();
            assertNull(observer.exists("/gone", false), "closing the session removed its ephemeral");
            observer.close();
        }
        try (InJvmMenagerie again = new InJvmMenagerie(dir, port, "nio")) {
            ZooKeeper zk = connect(again.connectString(), new LinkedBlockingQueue<>());
            assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), zk.getData("/keep", false, null));
            zk.close();
        }
    }
}
