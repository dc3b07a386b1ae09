package dev.menagerie.transport.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every client transport must do, whatever its I/O model. A transport's test is a subclass that says how
 * to make one. The handler here echoes frames, as a server answering each request would.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportContractTest {

    protected static final int MAX_FRAME_BYTES = 1024 * 1024 + 64;

    protected ServerCnxnFactory factory;
    protected RecordingHandler handler;
    protected InetSocketAddress address;

    /** A new, stopped transport. */
    protected abstract ServerCnxnFactory newFactory();

    @BeforeEach
    void start() throws IOException {
        factory = newFactory();
        handler = new RecordingHandler();
        factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), null, MAX_FRAME_BYTES, null), handler);
        address = factory.boundAddress();
    }

    @AfterEach
    void stop() {
        factory.stop();
    }

    @Test
    void echoesFramesOfEverySizeUpToTheLimit() throws Exception {
        try (TestClient client = new TestClient(address)) {
            for (int size : new int[] {0, 1, 4, 1000, 65_536, 300_000, MAX_FRAME_BYTES}) {
                byte[] payload = randomBytes(size, size);
                client.sendFrame(payload);
                assertArrayEquals(payload, client.readFrame(), "frame of " + size + " bytes");
            }
        }
    }

    /**
     * A client that sends requests and never reads the replies is no longer read once about one frame limit of
     * replies waits for it (so its replies cannot fill the heap), and is read again once it catches up.
     */
    @Test
    void aClientThatDoesNotReadIsNoLongerReadUntilItCatchesUp() throws Exception {
        int frameBytes = 256 * 1024;
        int frames = 128; // 32 MiB of echoes: far more than the loopback socket buffers of both sides hold
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (TestClient client = new TestClient(address)) {
            Future<?> sending = writer.submit(() -> {
                for (int i = 0; i < frames; i++) {
                    client.sendFrame(ByteBuffer.allocate(frameBytes).putInt(0, i).array());
                }
                return null;
            });
            awaitCondition(() -> handler.mostPendingSendBytes.get() > 1024 * 1024, "more than 1 MiB is queued");
            assertThrows(TimeoutException.class, () -> sending.get(1, TimeUnit.SECONDS),
                    "the server kept reading a client that reads nothing");
            long bound = MAX_FRAME_BYTES + frameBytes + 4;
            long most = handler.mostPendingSendBytes.get();
            assertTrue(most <= bound, "queued " + most + " bytes, bound " + bound);
            for (int i = 0; i < frames; i++) {
                assertEquals(i, ByteBuffer.wrap(client.readFrame()).getInt(0), "echo " + i + " in order");
            }
            sending.get(10, TimeUnit.SECONDS);
            assertEquals(1, handler.open.size(), "the connection stays open once the client reads");
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void pipelinedFramesComeBackInOrder() throws Exception {
        try (TestClient client = new TestClient(address)) {
            for (int i = 0; i < 500; i++) {
                client.sendFrame(ByteBuffer.allocate(4).putInt(i).array());
            }
            for (int i = 0; i < 500; i++) {
                assertEquals(i, ByteBuffer.wrap(client.readFrame()).getInt());
            }
        }
    }

    @Test
    void framesSplitIntoSingleBytesAreReassembled() throws Exception {
        try (TestClient client = new TestClient(address)) {
            byte[] payload = "split me".getBytes(StandardCharsets.UTF_8);
            byte[] wire = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
            for (byte b : wire) {
                client.sendRaw(new byte[] {b});
            }
            assertArrayEquals(payload, client.readFrame());
        }
    }

    @Test
    void fourLetterWordIsAnsweredRawThenClosed() throws Exception {
        try (TestClient client = new TestClient(address)) {
            client.sendRaw("ruok".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(client.readToEnd(), StandardCharsets.US_ASCII);
            assertEquals("answer to ruok\n", reply);
        }
        awaitEvent("4lw:ruok");
    }

    /** {@code stmk}, then the first {@code maskBytes} bytes of the big-endian mask {@link #MASK}. */
    private static byte[] stmkWith(int maskBytes) {
        byte[] wire = ByteBuffer.allocate(12).put("stmk".getBytes(StandardCharsets.US_ASCII)).putLong(MASK).array();
        return Arrays.copyOf(wire, 4 + maskBytes);
    }

    private static final long MASK = 0x0123456789abcdefL;

    @Test
    void stmkReachesTheHandlerWithTheMaskThatFollowsItEvenSplitOverReads() throws Exception {
        try (TestClient client = new TestClient(address)) {
            for (byte b : stmkWith(8)) {
                client.sendRaw(new byte[] {b});
            }
            String reply = new String(client.readToEnd(), StandardCharsets.US_ASCII);
            assertEquals("answer to stmk " + MASK + "\n", reply);
        }
        awaitEvent("4lw:stmk " + MASK);
    }

    @Test
    void stmkWhoseMaskNeverCompletesIsClosedUnansweredAfterTheWait() throws Exception {
        try (TestClient client = new TestClient(address)) {
            long start = System.nanoTime();
            client.sendRaw(stmkWith(5));
            assertTrue(client.closedByServer(), "closed, with no answer");
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMs >= ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS - 100, "waited " + waitedMs);
        }
        awaitCondition(() -> handler.closedCount.get() == 1, "the handler heard of the close");
        assertTrue(handler.events.stream().noneMatch(e -> e.startsWith("4lw:")), handler.events.toString());
    }

    @Test
    void stmkWhoseClientStopsSendingBeforeTheMaskEndsIsClosedUnansweredAtOnce() throws Exception {
        try (TestClient client = new TestClient(address)) {
            long start = System.nanoTime();
            client.sendRaw(stmkWith(7));
            client.shutdownOutput();
            assertTrue(client.closedByServer(), "closed, with no answer");
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMs < ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS, "waited " + waitedMs);
        }
        awaitCondition(() -> handler.closedCount.get() == 1, "the handler heard of the close");
        assertTrue(handler.events.stream().noneMatch(e -> e.startsWith("4lw:")), handler.events.toString());
    }

    @Test
    void oversizeFrameClosesOnlyThatConnection() throws Exception {
        try (TestClient good = new TestClient(address); TestClient bad = new TestClient(address)) {
            bad.sendRaw(ByteBuffer.allocate(4).putInt(MAX_FRAME_BYTES + 1).array());
            assertTrue(bad.closedByServer(), "the oversize sender is disconnected");
            good.sendFrame(new byte[] {7});
            assertArrayEquals(new byte[] {7}, good.readFrame(), "everyone else is still served");
        }
    }

    @Test
    void negativeLengthClosesTheConnection() throws Exception {
        try (TestClient bad = new TestClient(address)) {
            bad.sendRaw(ByteBuffer.allocate(4).putInt(-5).array());
            assertTrue(bad.closedByServer());
        }
        awaitCondition(() -> handler.closedCount.get() == 1, "the handler heard of the close");
    }

    @Test
    void handlerFailureClosesOnlyThatConnection() throws Exception {
        try (TestClient good = new TestClient(address); TestClient bad = new TestClient(address)) {
            bad.sendFrame(RecordingHandler.POISON);
            assertTrue(bad.closedByServer());
            good.sendFrame(new byte[] {1, 2});
            assertArrayEquals(new byte[] {1, 2}, good.readFrame());
        }
    }

    @Test
    void refusedConnectionIsClosed() throws Exception {
        handler.refuseConnections = true;
        try (TestClient client = new TestClient(address)) {
            assertTrue(client.closedByServer());
        }
        awaitEvent("refused");
    }

    @Test
    void clientDisconnectIsReportedOnce() throws Exception {
        try (TestClient client = new TestClient(address)) {
            client.sendFrame(new byte[] {1});
            client.readFrame();
        }
        awaitCondition(() -> handler.closedCount.get() == 1, "closed reported");
        awaitCondition(() -> factory.connections().isEmpty(), "connection list emptied");
        assertEquals(1, handler.closedCount.get());
    }

    @Test
    void connectionsAreListedWithTheirAddresses() throws Exception {
        try (TestClient client = new TestClient(address)) {
            client.sendFrame(new byte[] {1});
            client.readFrame();
            List<? extends Connection> listed = List.copyOf(factory.connections());
            assertEquals(1, listed.size());
            assertEquals("127.0.0.1", listed.get(0).remoteAddress().getAddress().getHostAddress());
            assertEquals(address.getPort(), listed.get(0).localAddress().getPort());
        }
    }

    @Test
    void pausedConnectionDeliversNothingUntilResumed() throws Exception {
        try (TestClient client = new TestClient(address)) {
            client.sendFrame(new byte[] {1});
            client.readFrame();
            Connection connection = handler.open.iterator().next();
            connection.setReceiving(false);
            awaitQuiet();
            client.sendFrame(new byte[] {2});
            assertNull(pollFrame(client, 300), "no answer while paused");
            connection.setReceiving(true);
            assertArrayEquals(new byte[] {2}, client.readFrame());
        }
    }

    @Test
    void closeSendsQueuedFramesFirst() throws Exception {
        try (TestClient client = new TestClient(address)) {
            client.sendFrame(new byte[] {1});
            client.readFrame();
            Connection connection = handler.open.iterator().next();
            for (int i = 0; i < 100; i++) {
                connection.send(ByteBuffer.wrap(randomBytes(10_000, i)));
            }
            connection.close();
            for (int i = 0; i < 100; i++) {
                assertArrayEquals(randomBytes(10_000, i), client.readFrame());
            }
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void stopClosesEveryConnectionAndFreesThePort() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                TestClient client = new TestClient(address);
                client.sendFrame(new byte[] {(byte) i});
                client.readFrame();
                clients.add(client);
            }
            factory.stop();
            for (TestClient client : clients) {
                assertTrue(client.closedByServer());
            }
            assertEquals(5, handler.closedCount.get(), "the handler heard of every close");
            assertNull(factory.boundAddress());
            factory.start(new TransportSettings(new HostPort("127.0.0.1", address.getPort()), null,
                    MAX_FRAME_BYTES, null), handler);
            try (TestClient again = new TestClient(address)) {
                again.sendFrame(new byte[] {9});
                assertArrayEquals(new byte[] {9}, again.readFrame());
            }
        } finally {
            for (TestClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void startingTwiceIsRefused() {
        assertThrows(IllegalStateException.class, () -> factory.start(
                new TransportSettings(new HostPort("127.0.0.1", 0), null, MAX_FRAME_BYTES, null), handler));
    }

    @Test
    void manyClientsAtOnceAreEachAnsweredInOrder() throws Exception {
        int clients = 40;
        int framesEach = 200;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                results.add(pool.submit(() -> {
                    try (TestClient client = new TestClient(address)) {
                        for (int i = 0; i < framesEach; i++) {
                            client.sendFrame(randomBytes(100 + i, seed * 1000 + i));
                        }
                        int matched = 0;
                        for (int i = 0; i < framesEach; i++) {
                            if (Arrays.equals(randomBytes(100 + i, seed * 1000 + i), client.readFrame())) {
                                matched++;
                            }
                        }
                        return matched;
                    }
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(framesEach, result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] pollFrame(TestClient client, int waitMs) throws IOException {
        return client.readFrameWithin(waitMs);
    }

    /** Gives the transport's I/O thread a moment to apply a pause; the assertion that follows is what counts. */
    private static void awaitQuiet() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(100);
    }

    private void awaitEvent(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String event = handler.events.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(event)) {
                return;
            }
        }
        throw new AssertionError("no event " + expected);
    }

    protected static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
