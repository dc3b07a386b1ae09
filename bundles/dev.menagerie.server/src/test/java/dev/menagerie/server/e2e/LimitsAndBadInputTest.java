package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.LogLines;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A misbehaving client never takes the server down, and the configured limits hold. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LimitsAndBadInputTest {

    @TempDir
    Path dir;

    @Test
    void connectionsBeyondMaxClientCnxnsFromOneAddressAreRefused() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "maxClientCnxns=2")) {
            try (Socket first = open(server); Socket second = open(server); Socket third = open(server)) {
                assertTrue(closedByServer(third), "the third connection from 127.0.0.1 is closed");
                first.close();
                ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
                zk.create("/room-again", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                zk.close();
            }
            // The client may have been turned away too, if it came before the server saw the first one close.
            assertTrue(Long.parseLong(mntrOnceIdle(server, "zk_connection_rejected")) >= 1,
                    "mntr counts the refused connection");
        }
    }

    /** A value of {@code mntr}, asked once every connection is gone, so that the question itself gets in. */
    private static String mntrOnceIdle(InJvmMenagerie server, String key) throws IOException {
        Await.untilTrue("every connection to close", Await.DEFAULT_TIMEOUT,
                () -> server.server().status().connections().isEmpty());
        for (String line : ClientPortFourLetterWordsTest.send(server.port(), "mntr").split("\n")) {
            if (line.startsWith(key + "\t")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("mntr prints no " + key);
    }

    @Test
    void aConnectionThatNeverFinishesItsConnectRequestIsClosedAfterTenSeconds() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            try (Socket halfWritten = open(server)) {
                DataOutputStream out = new DataOutputStream(halfWritten.getOutputStream());
                out.writeInt(1000);
                out.write(new byte[10]);
                out.flush();
                long startNs = System.nanoTime();
                halfWritten.setSoTimeout(30_000);
                assertTrue(closedByServer(halfWritten), "a connection without a session is closed");
                long closedMs = (System.nanoTime() - startNs) / 1_000_000;
                assertTrue(closedMs >= 9_000 && closedMs < 20_000, "closed after " + closedMs
                        + " ms; Apache's nio.sessionlessCnxnTimeout is 10 s");
            }
            ZooKeeper healthy = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            healthy.create("/still-serving", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            healthy.close();
            assertEquals("1", mntrOnceIdle(server, "zk_sessionless_connections_expired"));
        }
    }

    @Test
    void garbageInsteadOfAConnectRequestClosesOnlyThatConnection() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper healthy = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try (Socket bad = open(server)) {
                DataOutputStream out = new DataOutputStream(bad.getOutputStream());
                out.writeInt(12);
                out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
                out.flush();
                assertTrue(closedByServer(bad), "a ConnectRequest that does not decode closes the connection");
            }
            healthy.create("/still-serving", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            healthy.close();
        }
    }

    @Test
    void aResponseLargerThanJuteMaxbufferClosesTheConnectionNotTheServer() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "jute.maxbuffer=4096")) {
            ZooKeeper writer = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            writer.create("/big", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int i = 0; i < 200; i++) {
                writer.create("/big/child-with-a-rather-long-name-" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            assertThrows(KeeperException.ConnectionLossException.class, () -> writer.getChildren("/big", false),
                    "the server refuses to send a 7 KB reply through a 4 KB jute.maxbuffer");
            ZooKeeper other = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            assertEquals(200, other.getAllChildrenNumber("/big"), "the server still answers everyone");
            other.close();
            writer.close();
        }
    }

    @Test
    void aFloodAboveGlobalOutstandingLimitIsThrottledAndEveryRequestAnswered() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "globalOutstandingLimit=10")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            int requests = 2_000;
            CountDownLatch done = new CountDownLatch(requests);
            AtomicInteger ok = new AtomicInteger();
            for (int i = 0; i < requests; i++) {
                zk.create("/flood-", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL,
                        (rc, path, ctx, name) -> {
                            if (rc == 0) {
                                ok.incrementAndGet();
                            }
                            done.countDown();
                        }, null);
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every request was answered");
            assertEquals(requests, ok.get());
            assertEquals(requests, zk.getChildren("/", false).stream().filter(n -> n.startsWith("flood-")).count());
            zk.close();
        }
    }

    /**
     * Thousands of sessions expire in the same tick (their clients vanished together) while the disk stalls, so
     * their closeSession requests pile up in the request queue; a busy client asking meanwhile keeps its
     * connection and gets every answer once the disk is back: the server's own requests leave room for clients'.
     */
    @Test
    void aMassExpiryDuringADiskStallNeverClosesTheConnectionOfABusyClient() throws Exception {
        int sessions = 2_500;
        int sessionTimeoutMs = 10_000;
        StalledDisk disk = new StalledDisk();
        try (InJvmMenagerie server = new InJvmMenagerie(dir, FreePorts.next(), disk::wrap, "nio",
                "maxClientCnxns=0", "tickTime=1000", "globalOutstandingLimit=100")) {
            AtomicInteger disconnects = new AtomicInteger();
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper busy = new ZooKeeper(server.connectString(), 30_000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                } else if (event.getState() == Watcher.Event.KeeperState.Disconnected) {
                    disconnects.incrementAndGet();
                }
            });
            assertTrue(connected.await(15, TimeUnit.SECONDS), "the busy client connected");
            LogLines log = new LogLines();
            long createdNs = System.nanoTime();
            openAndAbandonSessions(server, sessions, sessionTimeoutMs);
            disk.stall();
            Semaphore window = new Semaphore(2_000);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            assertTrue(System.nanoTime() - createdNs < TimeUnit.MILLISECONDS.toNanos(sessionTimeoutMs),
                    "the sessions were all created before the first of them expired");
            // They expire about 10 s after their creation (raw connections send no pings), a few ticks' worth
            // together, and their closeSession requests queue up behind the stalled disk until the server finds
            // no more room for them.
            try (log) {
                log.await("expired sessions wait for room in the request queue", Duration.ofSeconds(60));
            }
            assertTrue(server.server().server().queuedRequests() >= 500, "closeSession requests queued");
            int sent = 0;
            for (; sent < 1_000; sent++) {
                assertTrue(window.tryAcquire(30, TimeUnit.SECONDS), "a reply came within 30 s");
                busy.exists("/nowhere", false, (rc, path, ctx, stat) -> {
                    if (rc != KeeperException.Code.NONODE.intValue()) {
                        wrong.incrementAndGet();
                    }
                    answered.incrementAndGet();
                    window.release();
                }, null);
            }
            disk.resume();
            assertTrue(window.tryAcquire(2_000, 60, TimeUnit.SECONDS), "every request was answered");
            Await.untilTrue("every vanished session to expire", Await.DEFAULT_TIMEOUT,
                    () -> server.server().status().sessions().sessionCount() == 1);
            assertEquals(sent, answered.get());
            assertEquals(0, wrong.get(), "requests answered with something other than NONODE");
            assertEquals(0, disconnects.get(), "times the busy client lost its connection during the expiry");
            busy.close();
        }
    }

    /** Creates sessions of {@code timeoutMs} on raw connections that never ping, then closes them all. */
    private static void openAndAbandonSessions(InJvmMenagerie server, int count, int timeoutMs) throws IOException {
        List<RawClient> vanishing = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                vanishing.add(new RawClient(server.port(), timeoutMs));
            }
        } finally {
            for (RawClient client : vanishing) {
                client.close();
            }
        }
    }

    /** A view of the real storage whose log appends do not complete while the disk is stalled. */
    private static final class StalledDisk {
        private final Object lock = new Object();
        private List<Runnable> held;

        Storage wrap(Storage real) {
            return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (!method.getName().equals("append")) {
                            return result;
                        }
                        CompletableFuture<Void> delayed = new CompletableFuture<>();
                        ((CompletionStage<?>) result).whenComplete((ok, failure) -> release(() -> {
                            if (failure != null) {
                                delayed.completeExceptionally(failure);
                            } else {
                                delayed.complete(null);
                            }
                        }));
                        return delayed;
                    });
        }

        private void release(Runnable completion) {
            synchronized (lock) {
                if (held != null) {
                    held.add(completion);
                    return;
                }
            }
            completion.run();
        }

        void stall() {
            synchronized (lock) {
                held = new ArrayList<>();
            }
        }

        void resume() {
            List<Runnable> completions;
            synchronized (lock) {
                completions = held;
                held = null;
            }
            completions.forEach(Runnable::run);
        }
    }

    @Test
    void manyConnectionsThatVanishMidFrameLeaveTheServerHealthy() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "netty", "maxClientCnxns=0")) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Socket socket = open(server);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(1000);
                out.write(new byte[10]);
                out.flush();
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                socket.close();
            }
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/after", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.close();
        }
    }

    private static Socket open(InJvmMenagerie server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return new DataInputStream(socket.getInputStream()).read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
