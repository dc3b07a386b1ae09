package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.MetricCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache's response cache as a client and an operator see it: a repeated read of an unchanged node is a hit in
 * {@code mntr}, a read after any change is a miss that returns the new state, and a hit still checks the ACL and
 * sets the watch.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CachedRepliesTest {

    private static final String DATA_HITS = "response_packet_cache_hits";
    private static final String DATA_MISSES = "response_packet_cache_misses";
    private static final String CHILDREN_HITS = "response_packet_get_children_cache_hits";
    private static final String CHILDREN_MISSES = "response_packet_get_children_cache_misses";

    private static final int RACING_READERS = 3;
    private static final int RACING_WRITES = 300;
    private static final int MAX_RACING_READS = 20_000;

    @TempDir
    Path dir;

    @Test
    void anUnchangedNodesDataIsAHitAndAChangedOneAMissWithTheNewData() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            MetricsRegistry metrics = server.metrics();
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper reader = JavaClientSmokeTest.connect(server.connectString(), events);
            ZooKeeper writer = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try {
                writer.create("/cached", bytes("one"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

                assertArrayEquals(bytes("one"), reader.getData("/cached", false, null));
                assertArrayEquals(bytes("one"), reader.getData("/cached", false, null));
                assertArrayEquals(bytes("one"), writer.getData("/cached", false, null), "another connection");
                assertEquals(1, MetricCounts.count(metrics, DATA_MISSES));
                assertEquals(2, MetricCounts.count(metrics, DATA_HITS));

                // A hit still sets the watch.
                reader.getData("/cached", true, null);
                assertEquals(3, MetricCounts.count(metrics, DATA_HITS));
                writer.setData("/cached", bytes("two"), -1);
                WatchedEvent event = events.poll(10, TimeUnit.SECONDS);
                assertEquals(EventType.NodeDataChanged, event == null ? null : event.getType(), "the watch fired");

                Stat stat = new Stat();
                assertArrayEquals(bytes("two"), reader.getData("/cached", false, stat));
                assertEquals(1, stat.getVersion());
                assertEquals(2, MetricCounts.count(metrics, DATA_MISSES));
                assertEquals(3, MetricCounts.count(metrics, DATA_HITS));
            } finally {
                reader.close();
                writer.close();
            }
        }
    }

    @Test
    void anUnchangedNodesChildrenAreAHitAndANewChildAMiss() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            MetricsRegistry metrics = server.metrics();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try {
                zk.create("/parent", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                zk.create("/parent/a", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

                // With a Stat the Java client sends getChildren2, the one Apache caches.
                assertEquals(List.of("a"), zk.getChildren("/parent", false, new Stat()));
                assertEquals(List.of("a"), zk.getChildren("/parent", false, new Stat()));
                assertEquals(1, MetricCounts.count(metrics, CHILDREN_MISSES));
                assertEquals(1, MetricCounts.count(metrics, CHILDREN_HITS));

                zk.create("/parent/b", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                Stat stat = new Stat();
                assertEquals(List.of("a", "b"), zk.getChildren("/parent", false, stat).stream().sorted().toList());
                assertEquals(2, stat.getNumChildren());
                assertEquals(2, MetricCounts.count(metrics, CHILDREN_MISSES));

                zk.getChildren("/parent", false);
                assertEquals(2, MetricCounts.count(metrics, CHILDREN_MISSES), "plain getChildren is not cached");
                assertEquals(1, MetricCounts.count(metrics, CHILDREN_HITS));
                assertEquals(0, MetricCounts.count(metrics, DATA_HITS) + MetricCounts.count(metrics, DATA_MISSES));
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void aCachedReplyIsNotServedToAClientTheAclRefuses() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper owner = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            ZooKeeper stranger = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try {
                owner.addAuthInfo("digest", bytes("alice:secret"));
                Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"));
                owner.create("/private", bytes("mine"), new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, alice))),
                        CreateMode.PERSISTENT);
                owner.getData("/private", false, null);
                owner.getData("/private", false, null);
                assertEquals(1, MetricCounts.count(server.metrics(), DATA_HITS), "the body is cached");

                assertThrows(KeeperException.NoAuthException.class, () -> stranger.getData("/private", false, null));
                assertEquals(1, MetricCounts.count(server.metrics(), DATA_HITS));
            } finally {
                owner.close();
                stranger.close();
            }
        }
    }

    /**
     * Writes race with cached reads on other connections: whatever a reader gets, the data is the one its stat
     * says (each write puts its version in the data), and once the writer is done everyone reads the last write.
     */
    @Test
    void readsRacingWithWritesNeverGetDataOfAnotherVersion() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper writer = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            List<ZooKeeper> readers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(RACING_READERS);
            try {
                writer.create("/raced", bytes("version 0"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                List<Future<Integer>> reads = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                AtomicBoolean writing = new AtomicBoolean(true);
                for (int r = 0; r < RACING_READERS; r++) {
                    ZooKeeper reader = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
                    readers.add(reader);
                    reads.add(pool.submit(() -> readUntil(reader, writing, deadline)));
                }
                int written = 0;
                while (written < RACING_WRITES && System.nanoTime() < deadline) {
                    writer.setData("/raced", bytes("version " + (written + 1)), written);
                    written++;
                }
                writing.set(false);
                assertEquals(RACING_WRITES, written, "writes made within 20 s");
                long readCount = 0;
                for (Future<Integer> read : reads) {
                    readCount += read.get(30, TimeUnit.SECONDS);
                }
                Stat last = new Stat();
                byte[] lastData = readers.get(0).getData("/raced", false, last);
                assertEquals(RACING_WRITES, last.getVersion(), "the last write's version, read after it");
                assertArrayEquals(bytes("version " + RACING_WRITES), lastData);
                assertTrue(MetricCounts.count(server.metrics(), DATA_HITS) > 0,
                        "some of the " + readCount + " reads were served from the cache");
            } finally {
                pool.shutdownNow();
                writer.close();
                for (ZooKeeper reader : readers) {
                    reader.close();
                }
            }
        }
    }

    private static int readUntil(ZooKeeper reader, AtomicBoolean writing, long deadline) throws Exception {
        int count = 0;
        while (writing.get() && System.nanoTime() < deadline && count < MAX_RACING_READS) {
            Stat stat = new Stat();
            String data = new String(reader.getData("/raced", false, stat), StandardCharsets.UTF_8);
            assertEquals("version " + stat.getVersion(), data, "the data belongs to the stat it came with");
            count++;
        }
        return count;
    }

    @Test
    void sizeZeroCachesNothing() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "maxResponseCacheSize=0",
                "maxGetChildrenResponseCacheSize=0")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try {
                zk.create("/plain", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(bytes("x"), zk.getData("/plain", false, null));
                    assertEquals(List.of(), zk.getChildren("/plain", false, new Stat()));
                }
            } finally {
                zk.close();
            }
            for (String name : List.of(DATA_HITS, DATA_MISSES, CHILDREN_HITS, CHILDREN_MISSES)) {
                assertEquals(0, MetricCounts.count(server.metrics(), name), name);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
