package dev.menagerie.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The standalone server running in Felix serves the official ZooKeeper Java client on the zoo.cfg client port. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StandaloneServerServesClientsTest extends StandaloneTestSupport {

    private static final Duration WATCH_TIMEOUT = Duration.ofSeconds(10);

    private JavaClient client;
    private JavaClient other;

    @Before
    public void connect() throws Exception {
        awaitServedBy(NIO);
        client = JavaClient.connect(clientPort());
        other = JavaClient.connect(clientPort());
    }

    @After
    public void disconnect() {
        if (client != null) {
            client.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    public void createGetSetAndDeleteANode() throws Exception {
        ZooKeeper zk = client.zk();
        assertEquals("/crud", zk.create("/crud", bytes("one"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));

        Stat stat = new Stat();
        assertArrayEquals(bytes("one"), zk.getData("/crud", false, stat));
        assertEquals(0, stat.getVersion());
        assertEquals(3, stat.getDataLength());

        assertThrows(KeeperException.NodeExistsException.class,
                () -> zk.create("/crud", bytes("again"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setData("/crud", bytes("stale"), 7));

        Stat afterSet = zk.setData("/crud", bytes("two"), 0);
        assertEquals(1, afterSet.getVersion());
        assertArrayEquals("the other session reads the new data", bytes("two"),
                other.zk().getData("/crud", false, null));

        zk.delete("/crud", 1);
        assertNull(zk.exists("/crud", false));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/crud", false, null));
    }

    @Test
    public void dataAndChildWatchesFireOnAnotherSessionsChanges() throws Exception {
        ZooKeeper zk = client.zk();
        EventRecorder existsWatch = new EventRecorder();
        assertNull(zk.exists("/watched", existsWatch));

        other.zk().create("/watched", bytes("v0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEvent(existsWatch.next(WATCH_TIMEOUT), EventType.NodeCreated, "/watched");

        EventRecorder dataWatch = new EventRecorder();
        EventRecorder childWatch = new EventRecorder();
        zk.getData("/watched", dataWatch, null);
        assertEquals(List.of(), zk.getChildren("/watched", childWatch));

        other.zk().setData("/watched", bytes("v1"), -1);
        assertEvent(dataWatch.next(WATCH_TIMEOUT), EventType.NodeDataChanged, "/watched");
        assertArrayEquals(bytes("v1"), zk.getData("/watched", false, null));

        other.zk().create("/watched/child", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEvent(childWatch.next(WATCH_TIMEOUT), EventType.NodeChildrenChanged, "/watched");
        assertEquals(List.of("child"), zk.getChildren("/watched", false));

        other.zk().setData("/watched", bytes("v2"), -1);
        Await.nothingWithin("a one-shot data watch fired twice", QUIET_WINDOW, () -> !dataWatch.isEmpty());

        EventRecorder deleteWatch = new EventRecorder();
        zk.exists("/watched/child", deleteWatch);
        other.zk().delete("/watched/child", -1);
        assertEvent(deleteWatch.next(WATCH_TIMEOUT), EventType.NodeDeleted, "/watched/child");
    }

    @Test
    public void ephemeralAndSequentialNodesFollowTheirSession() throws Exception {
        ZooKeeper zk = client.zk();
        zk.create("/queue", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        String first = zk.create("/queue/item-", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        String second = zk.create("/queue/item-", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        assertTrue(first, first.matches("/queue/item-\\d{10}"));
        assertTrue(first + " < " + second, first.compareTo(second) < 0);
        assertEquals(client.sessionId(), zk.exists(first, false).getEphemeralOwner());

        EventRecorder goneWatch = new EventRecorder();
        assertNotNull(other.zk().exists(first, goneWatch));
        client.close();
        client = null;

        assertEvent(goneWatch.next(WATCH_TIMEOUT), EventType.NodeDeleted, first);
        assertEquals("closing the session removed its ephemeral nodes", List.of(),
                other.zk().getChildren("/queue", false));
    }

    @Test
    public void aMultiAppliesAllOrNothing() throws Exception {
        ZooKeeper zk = client.zk();
        List<OpResult> results = zk.multi(List.of(
                Op.create("/multi", bytes("a"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/multi", bytes("b"), 0)));
        assertEquals(2, results.size());
        assertArrayEquals(bytes("b"), zk.getData("/multi", false, null));

        assertThrows(KeeperException.NodeExistsException.class, () -> zk.multi(List.of(
                Op.create("/multi-other", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/multi", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))));
        assertNull("the failed multi created nothing", zk.exists("/multi-other", false));
    }

    @Test
    public void eachConnectionGetsItsOwnSession() {
        assertNotEquals(0L, client.sessionId());
        assertNotEquals(client.sessionId(), other.sessionId());
    }

    private static void assertEvent(WatchedEvent event, EventType type, String path) {
        assertEquals(event.toString(), type, event.getType());
        assertEquals(event.toString(), path, event.getPath());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
