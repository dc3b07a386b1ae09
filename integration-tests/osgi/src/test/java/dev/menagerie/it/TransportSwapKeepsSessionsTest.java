package dev.menagerie.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.transport.ServerCnxnFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
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
import org.osgi.framework.Bundle;

/**
 * An operator switches the client transport of a running standalone server (zoo.cfg {@code serverCnxnFactory}, or
 * by stopping and starting a transport bundle): connected clients see their connection drop and come back on the
 * same port within their session timeout, with their session, ephemeral nodes and watches intact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransportSwapKeepsSessionsTest extends StandaloneTestSupport {

    /** A reconnect must beat session expiry, which the client's session timeout bounds. */
    private static final Duration RECONNECT_TIMEOUT = Duration.ofMillis(JavaClient.SESSION_TIMEOUT_MS);
    private static final Duration WATCH_TIMEOUT = Duration.ofSeconds(10);

    private final List<JavaClient> clients = new ArrayList<>();

    @Before
    public void servedByNio() {
        Bundle nio = bundle(MenagerieOptions.NIO_TRANSPORT_BUNDLE);
        Bundle netty = bundle(MenagerieOptions.NETTY_TRANSPORT_BUNDLE);
        restoreStandaloneBaseline();
        startIfStopped(nio);
        startIfStopped(netty);
        awaitServedBy(NIO);
    }

    @After
    public void closeClients() {
        clients.forEach(JavaClient::close);
    }

    @Test
    public void switchingZooCfgToNettyAndBackKeepsSessionEphemeralsAndWatches() throws Exception {
        long swapsBefore = transportSwaps();
        JavaClient client = connect();
        long sessionId = client.sessionId();
        ZooKeeper zk = client.zk();
        zk.create("/swap-owner", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.create("/swap-data", bytes("before"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        EventRecorder watch = new EventRecorder();
        zk.getData("/swap-data", watch, null);
        ServerCnxnFactory netty = switchTransport(client, NETTY);
        assertSurvived(client, sessionId, "/swap-owner", watch, "after-netty");
        assertTrue("the client is connected through the netty transport", netty.connections().size() >= 1);

        EventRecorder secondWatch = new EventRecorder();
        zk.getData("/swap-data", secondWatch, null);
        switchTransport(client, NIO);
        assertSurvived(client, sessionId, "/swap-owner", secondWatch, "after-nio");
        assertEquals("zk_transport_strategy_swaps counts both hand-overs", swapsBefore + 2, transportSwaps());
    }

    /** The registry's {@code strategy_swaps} count for the transport role, which mntr prints. */
    private long transportSwaps() {
        return StrategySwapCounts.inRegistry(context, "transport");
    }

    @Test
    public void restartingTheActiveTransportBundleKeepsTheSession() throws Exception {
        JavaClient client = connect();
        long sessionId = client.sessionId();
        client.zk().create("/bundle-owner", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        client.zk().create("/bundle-data", bytes("before"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        EventRecorder watch = new EventRecorder();
        client.zk().getData("/bundle-data", watch, null);

        Bundle nio = bundle(MenagerieOptions.NIO_TRANSPORT_BUNDLE);
        int mark = client.mark();
        nio.stop();
        client.awaitStateSince(mark, KeeperState.Disconnected, RECONNECT_TIMEOUT);
        Await.noService(context, ServerCnxnFactory.class, "(type=" + NIO + ")", TIMEOUT);
        nio.start();
        awaitServedBy(NIO);
        client.awaitReconnectSince(mark, RECONNECT_TIMEOUT);
        assertSurvived(client, sessionId, "/bundle-owner", watch, "after-restart");
    }

    @Test
    public void swappingUnderWriteLoadLosesNoSessionAndNoAcknowledgedWrite() throws Exception {
        JavaClient observer = connect();
        List<SetDataLoad> loads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            loads.add(new SetDataLoad(connect(), "/load-" + i));
        }
        loads.forEach(SetDataLoad::start);
        try {
            loads.forEach(load -> load.awaitAcknowledged(10, TIMEOUT));
            switchTransport(observer, NETTY);
            List<Long> acknowledgedAtSwap = loads.stream().map(SetDataLoad::acknowledged).toList();
            for (int i = 0; i < loads.size(); i++) {
                loads.get(i).awaitAcknowledged(acknowledgedAtSwap.get(i) + 10, TIMEOUT);
            }
        } finally {
            loads.forEach(SetDataLoad::stop);
        }

        for (SetDataLoad load : loads) {
            load.assertNoError();
            load.client().assertNeverExpired();
            assertEquals("session of " + load.path(), load.sessionId(), load.client().sessionId());
            Stat stat = new Stat();
            long value = Long.parseLong(new String(observer.zk().getData(load.path(), false, stat), UTF_8));
            assertTrue(load.path() + " holds " + value + ", acknowledged up to " + load.acknowledged(),
                    value >= load.acknowledged() && value <= load.attempted());
            assertTrue(load.path() + " version " + stat.getVersion() + " counts every acknowledged write ("
                    + load.acknowledgedCount() + ")", stat.getVersion() >= load.acknowledgedCount());
            assertNotNull("the load session's ephemeral node", observer.zk().exists(load.path() + "-owner", false));
        }
    }

    private JavaClient connect() throws Exception {
        JavaClient client = JavaClient.connect(clientPort());
        clients.add(client);
        return client;
    }

    /** Edits zoo.cfg and waits until only {@code type} listens and {@code client} has reconnected through it. */
    private ServerCnxnFactory switchTransport(JavaClient client, String type) {
        int mark = client.mark();
        long startNs = System.nanoTime();
        zooCfg().set(CNXN_FACTORY_KEY, type);
        ServerCnxnFactory now = awaitServedBy(type);
        client.awaitReconnectSince(mark, RECONNECT_TIMEOUT);
        System.out.printf("hand-over to %s: client reconnected %d ms after the zoo.cfg edit%n", type,
                Duration.ofNanos(System.nanoTime() - startNs).toMillis());
        return now;
    }

    /** The session is the same, its ephemeral node is there, and its watch fires on a later change. */
    private void assertSurvived(JavaClient client, long sessionId, String ephemeral, EventRecorder watch,
            String newData) throws Exception {
        client.assertNeverExpired();
        assertEquals("session id", sessionId, client.sessionId());
        Stat owner = client.zk().exists(ephemeral, false);
        assertNotNull("the ephemeral node " + ephemeral + " still exists", owner);
        assertEquals(sessionId, owner.getEphemeralOwner());

        String watchedPath = ephemeral.replace("-owner", "-data");
        assertTrue("the watch has not fired before the change", watch.isEmpty());
        try (JavaClient writer = JavaClient.connect(clientPort())) {
            writer.zk().setData(watchedPath, bytes(newData), -1);
        }
        WatchedEvent event = watch.next(WATCH_TIMEOUT);
        assertEquals(event.toString(), EventType.NodeDataChanged, event.getType());
        assertEquals(watchedPath, event.getPath());
        assertArrayEquals(bytes(newData), client.zk().getData(watchedPath, false, null));
    }

    private static void startIfStopped(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            try {
                bundle.start();
            } catch (Exception e) {
                throw new AssertionError("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
