package dev.menagerie.it.process.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and careless clients against one Menagerie server process (-Xmx512m, maxClientCnxns=60), while a
 * well-behaved client (Apache's) keeps making small calls: the server must stay up, its live heap bounded, and the
 * good client's 99th percentile latency within {@link #p99BoundMs} of its undisturbed figure. The figures are
 * printed as a table at the end (docs/hostile-clients.md). {@code -Dmenagerie.it.hostile.full=true} runs the
 * full counts (10,000 reconnecting sessions, 1,000,000 watches) instead of the default build's smaller ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileClientsTest {

    static final String FULL_SWITCH = "menagerie.it.hostile.full";
    static final boolean FULL = Boolean.getBoolean(FULL_SWITCH);
    static final int RECONNECTING_SESSIONS = FULL ? 10_000 : 2_000;
    static final int WATCHES = FULL ? 1_000_000 : 200_000;
    static final int FLOOD_CONNECTIONS = 5_000;
    static final int MAX_CLIENT_CNXNS = 60;
    /** Connections per source address where they must all be accepted: under {@link #MAX_CLIENT_CNXNS}. */
    static final int PER_SOURCE = 50;
    /** The live heap the server may hold after any attack; it runs with 512 MiB. */
    static final long LIVE_HEAP_BOUND_MIB = 192;
    static final int PROBE_MIN_OPS = 300;
    /** Calls made before the baseline is measured, so that it does not time the JIT compiling both sides. */
    static final int WARM_UP_OPS = 300;
    /**
     * Attempts a flooding or reconnecting connection makes, as a real client retries: a server whose request queue
     * is full refuses a connect request by closing the connection (docs/limits.md).
     */
    static final int CONNECT_ATTEMPTS = 30;
    static final int BIG_DATA_BYTES = 1_000_000;
    /** The longest a session may ask for with tickTime=2000 (20 ticks): long enough to outlive a restart. */
    static final int STORM_SESSION_TIMEOUT_MS = 40_000;
    /** Generous: Apache's watch tables take about 100-200 bytes a watch; several times that is a leak. */
    static final long MAX_BYTES_PER_WATCH = 1_000;
    /** What the heap may keep after the watching session has closed (collector noise, caches). */
    static final long RELEASE_SLACK_KIB = 16 * 1024;
    /** Apache (and now Menagerie) close a connection without a session after 10 s; a few seconds of slack. */
    static final long SESSIONLESS_CLOSE_BOUND_MS = 20_000;

    private final Figures figures = new Figures();
    private final ExecutorService attackers = Executors.newCachedThreadPool();
    private MenagerieServer server;
    private ZooKeeper good;
    private double baselineP99Ms;

    @BeforeAll
    void startServer() throws Exception {
        Path work = Distribution.newWorkDir("hostile");
        server = MenagerieServer.forTest("hostile", work, Map.of("maxClientCnxns", String.valueOf(MAX_CLIENT_CNXNS)));
        server.start();
        good = Clients.awaitServing(server, Duration.ofSeconds(60));
        good.create("/probe", new byte[16], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        good.create("/oversize", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        good.create("/big", new byte[BIG_DATA_BYTES], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        LatencyProbe.start(good, "/probe", WARM_UP_OPS).close();
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS * 2);
        probe.close();
        baselineP99Ms = probe.p99Ms();
        figures.add("no attack (baseline)", probe, liveHeapMib(), "");
    }

    @AfterAll
    void stopServer() throws Exception {
        attackers.shutdownNow();
        System.out.println(figures.table(baselineP99Ms, p99BoundMs()));
        Clients.closeQuietly(good);
        if (server != null) {
            server.close();
        }
    }

    /**
     * Ten times the undisturbed p99, and never below half a second: the machine has two cores shared with other
     * builds, each setData waits for an fsync, and the server collects a 512 MiB heap; a starved client shows up
     * as seconds (a session timeout's worth), which this still catches.
     */
    private double p99BoundMs() {
        return Math.max(10 * baselineP99Ms, 500);
    }

    private long liveHeapMib() throws IOException, InterruptedException {
        assertTrue(server.isAlive(), () -> "the server died:\n" + server.outputTail());
        return ServerMemory.liveHeapMib(server.pid());
    }

    /** Checks and records what the good client saw during an attack and the server's live heap after it. */
    private void verdict(String scenario, LatencyProbe probe, String note) throws Exception {
        long heap = liveHeapMib();
        figures.add(scenario, probe, heap, note);
        assertEquals(List.of(), probe.failures(), scenario + ": the good client's calls failed");
        assertTrue(probe.p99Ms() < p99BoundMs(), scenario + ": the good client's p99 was " + probe.p99Ms()
                + " ms, baseline " + baselineP99Ms + " ms");
        assertTrue(heap < LIVE_HEAP_BOUND_MIB, scenario + ": the server holds " + heap + " MiB of live heap");
    }

    @Test
    @Order(1)
    void aReaderThatNeverReadsCannotMakeTheServerHoldItsReplies() throws Exception {
        int requests = 2_000;
        try (RawClient reader = new RawClient(server.clientPort(), "127.0.0.3", 30_000)) {
            LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
            Future<Integer> sent = attackers.submit(() -> {
                int i = 0;
                try {
                    for (; i < requests; i++) {
                        reader.write(Wire.getData(i + 1, "/big"));
                    }
                } catch (IOException closedByServer) {
                    return i;
                }
                return i;
            });
            String note;
            try {
                note = sent.get(15, TimeUnit.SECONDS) + " of " + requests + " x 1 MB getData sent";
            } catch (TimeoutException stoppedReading) {
                note = "the server stopped reading it before " + requests + " x 1 MB getData were sent";
            }
            boolean closed = Files.readString(server.outputFile()).contains("bytes of replies wait for the client");
            note += closed ? "; closed when its unread replies passed 32 MiB" : "; still open";
            probe.close();
            verdict("reader that never reads", probe, note);
        }
    }

    @Test
    @Order(2)
    void halfWrittenFramesHoldLittleMemory() throws Exception {
        int connections = 500;
        List<Socket> sockets = new ArrayList<>();
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        try {
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(source(10, i), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", server.clientPort()), 5_000);
                socket.getOutputStream().write(ByteBuffer.allocate(4 + 1_000).putInt(0, 1_000_000).array());
            }
            long sentNs = System.nanoTime();
            probe.close();
            verdict("500 half-written 1 MB frames", probe, "each sent 1,000 of 1,000,000 announced bytes");
            for (Socket socket : sockets) {
                long leftMs = SESSIONLESS_CLOSE_BOUND_MS - (System.nanoTime() - sentNs) / 1_000_000;
                assertTrue(leftMs > 0 && closedByServer(socket, (int) leftMs), "a connection without a session"
                        + " is still open " + SESSIONLESS_CLOSE_BOUND_MS + " ms after its half frame");
            }
            figures.note("500 half-written 1 MB frames", "all closed by the server "
                    + (System.nanoTime() - sentNs) / 1_000_000 + " ms after they were sent");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    @Order(3)
    void aFloodFromOneAddressIsRefusedBeyondTheLimitAndQuickly() throws Exception {
        int connections = 1_000;
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        try (RawSessions flood = RawSessions.connectAll(server.clientPort(), connections, i -> "127.0.0.1",
                i -> Wire.connect(0, new byte[16], 4_000), 1, Duration.ofSeconds(60))) {
            probe.close();
            long slowestRefusalMs = flood.outcomes().stream().filter(o -> o.closedByServer)
                    .mapToLong(o -> o.doneNs / 1_000_000).max().orElse(-1);
            verdict("1,000 connections from one address", probe, flood.established() + " sessions, "
                    + flood.closedByServer() + " refused, slowest refusal " + slowestRefusalMs + " ms");
            assertEquals(0, flood.unfinished(), "connections neither answered nor closed");
            assertTrue(flood.established() < MAX_CLIENT_CNXNS, flood.established() + " sessions from one address");
            assertEquals(connections, flood.established() + flood.closedByServer());
            assertTrue(slowestRefusalMs < 10_000, "a refused connection took " + slowestRefusalMs + " ms to close");
        }
    }

    @Test
    @Order(4)
    void aFloodFromManyAddressesIsServedWithoutStarvingOthers() throws Exception {
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        try (RawSessions flood = RawSessions.connectAll(server.clientPort(), FLOOD_CONNECTIONS, i -> source(20, i),
                i -> Wire.connect(0, new byte[16], 4_000), CONNECT_ATTEMPTS, Duration.ofSeconds(90))) {
            probe.close();
            long slowestMs = flood.outcomes().stream().mapToLong(o -> o.doneNs / 1_000_000).max().orElse(-1);
            verdict("5,000 connections from 100 addresses", probe, flood.established()
                    + " sessions, slowest " + slowestMs + " ms, " + flood.retried() + " retries");
            assertEquals(FLOOD_CONNECTIONS, flood.established(), "sessions established");
        }
    }

    @Test
    @Order(5)
    void oversizeRequestsCloseOnlyTheirOwnConnection() throws Exception {
        byte[] tooLong = ByteBuffer.allocate(8).putInt(0, 1 << 30).array();
        byte[] pathLongerThanFrame = ByteBuffer.allocate(4 + 8 + 4 + 1)
                .putInt(13).putInt(1).putInt(ZooDefs.OpCode.getData).putInt(1_000_000).put((byte) 0).array();
        byte[] setDataAboveMaxBuffer = Wire.setData(1, "/oversize", new byte[1_048_576 + 100]);
        byte[] setDataAboveFrame = Wire.setData(1, "/probe", new byte[1_048_576 + 2_000]);
        byte[] hugeMulti = Wire.frame(new RequestHeader(1, ZooDefs.OpCode.multi), new MultiOperationRecord(List.of(
                Op.setData("/probe", new byte[600_000], -1), Op.setData("/probe", new byte[600_000], -1))));
        // Apache closes a connection whose frame is longer than jute.maxbuffer, and answers a record that does not
        // parse with MARSHALLINGERROR (-5) from its FinalRequestProcessor; Menagerie does the same.
        Map<String, byte[]> cases = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        cases.put("frame length 2^30", tooLong);
        expected.put("frame length 2^30", "closed");
        cases.put("getData path length 1,000,000 in a 17-byte frame", pathLongerThanFrame);
        expected.put("getData path length 1,000,000 in a 17-byte frame", "error -5");
        cases.put("setData of jute.maxbuffer + 2,001 bytes", setDataAboveFrame);
        expected.put("setData of jute.maxbuffer + 2,001 bytes", "closed");
        cases.put("multi of 2 x 600 KB setData", hugeMulti);
        expected.put("multi of 2 x 600 KB setData", "closed");
        cases.put("setData of jute.maxbuffer + 101 bytes", setDataAboveMaxBuffer);
        expected.put("setData of jute.maxbuffer + 101 bytes", "closed");
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        List<String> outcomes = new ArrayList<>();
        for (Map.Entry<String, byte[]> oversize : cases.entrySet()) {
            try (RawClient client = new RawClient(server.clientPort(), "127.0.0.4", 30_000)) {
                String outcome = client.sendAndAwait(oversize.getValue(), 10_000);
                outcomes.add(oversize.getKey() + ": " + outcome);
                assertEquals(expected.get(oversize.getKey()), outcome, oversize.getKey());
            }
        }
        probe.close();
        verdict("oversize requests", probe, String.join("; ", outcomes));
    }

    @Test
    @Order(6)
    void manyWatchesFromOneSessionAreReleasedWithIt() throws Exception {
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        WatchFlood watches = WatchFlood.run(server, WATCHES, attackers);
        probe.close();
        verdict(String.format("%,d watches from one session", WATCHES), probe, watches.summary());
        assertTrue(watches.bytesPerWatch() < MAX_BYTES_PER_WATCH, watches.summary());
        assertTrue(watches.heapAfterCloseKib() < watches.heapBeforeKib() + RELEASE_SLACK_KIB,
                "the closed session's watches are still held: " + watches.summary());
        if (FULL) {
            apacheHoldsTheSameWatches();
        }
    }

    /**
     * The same watches against Apache ZooKeeper 3.9.5 (same heap), for the per-watch comparison; only with the full
     * counts, as its run alone takes over a minute (so the default build has no skipped test for it).
     */
    private void apacheHoldsTheSameWatches() throws Exception {
        try (ApacheServer apache = ApacheServer.forTest("apache-watches", Distribution.newWorkDir("hostile-apache"),
                Map.of("maxClientCnxns", String.valueOf(MAX_CLIENT_CNXNS)))) {
            apache.start();
            Clients.closeQuietly(Clients.awaitServing(apache, Duration.ofSeconds(60)));
            WatchFlood watches = WatchFlood.run(apache, WATCHES, attackers);
            figures.add(String.format("Apache 3.9.5: %,d watches from one session", WATCHES),
                    watches.heapWithKib() / 1024, watches.summary());
            assertTrue(watches.heapAfterCloseKib() < watches.heapBeforeKib() + RELEASE_SLACK_KIB,
                    "Apache: " + watches.summary());
        }
    }

    @Test
    @Order(8)
    void sessionsAllReconnectAtOnceAfterARestart() throws Exception {
        int n = RECONNECTING_SESSIONS;
        List<ConnectResponse> sessions = new ArrayList<>();
        long creationRetries;
        try (RawSessions created = RawSessions.connectAll(server.clientPort(), n, i -> source(30, i),
                i -> Wire.connect(0, new byte[16], STORM_SESSION_TIMEOUT_MS), CONNECT_ATTEMPTS,
                Duration.ofSeconds(120))) {
            assertEquals(n, created.established(), "sessions created before the restart");
            created.outcomes().forEach(o -> sessions.add(o.response));
            creationRetries = created.retried();
        }
        long restartNs = System.nanoTime();
        server.kill();
        server.start();
        server.awaitListening(Duration.ofSeconds(60));
        Await.untilNoException("the good client to be served again", Duration.ofSeconds(60), () -> {
            try {
                return good.exists("/probe", false);
            } catch (KeeperException.SessionExpiredException expired) {
                // A restart slower than its 30 s session (seen only on an overloaded machine) ends the good
                // client's session, and a real client opens a new one; the storm below is what this test measures.
                Clients.closeQuietly(good);
                good = Clients.awaitServing(server, Duration.ofSeconds(60));
                return good.exists("/probe", false);
            }
        });
        long restartMs = (System.nanoTime() - restartNs) / 1_000_000;
        LatencyProbe probe = LatencyProbe.start(good, "/probe", PROBE_MIN_OPS);
        try (RawSessions storm = RawSessions.connectAll(server.clientPort(), n, i -> source(30, i),
                i -> Wire.connect(sessions.get(i).getSessionId(), sessions.get(i).getPasswd(),
                        STORM_SESSION_TIMEOUT_MS), CONNECT_ATTEMPTS, Duration.ofSeconds(120))) {
            probe.close();
            long slowestMs = storm.outcomes().stream().mapToLong(o -> o.doneNs / 1_000_000).max().orElse(-1);
            verdict(String.format("%,d sessions reconnecting after SIGKILL + restart", n), probe,
                    "created with " + creationRetries + " retries; " + storm.established() + " resumed, slowest "
                            + slowestMs + " ms, " + storm.retried() + " retries, restart took " + restartMs + " ms");
            assertEquals(n, storm.established(), "sessions resumed after the restart");
            for (int i = 0; i < n; i++) {
                assertEquals(sessions.get(i).getSessionId(), storm.outcomes().get(i).response.getSessionId());
            }
        }
    }

    /** True when the server closes the socket (end of stream or reset) within {@code waitMs}. */
    private static boolean closedByServer(Socket socket, int waitMs) throws IOException {
        socket.setSoTimeout(waitMs);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String source(int block, int index) {
        int host = index / PER_SOURCE;
        return "127." + block + "." + (host / 250) + "." + (1 + host % 250);
    }
}
