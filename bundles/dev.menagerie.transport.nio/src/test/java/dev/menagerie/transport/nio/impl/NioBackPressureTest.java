package dev.menagerie.transport.nio.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.testing.Await;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TestClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that sends requests and never reads the replies must not make the server queue them without bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NioBackPressureTest {

    private static final int MAX_FRAME_BYTES = 1024 * 1024 + 64;
    private static final int FRAME_BYTES = 256 * 1024;
    /** 32 MiB of echoes: far more than the loopback socket buffers of both sides hold. */
    private static final int FRAMES = 128;

    private final NioServerCnxnFactory factory = new NioServerCnxnFactory();
    private final AtomicLong mostPending = new AtomicLong();
    private final RecordingHandler echo = new RecordingHandler() {
        @Override
        public void received(Connection connection, ByteBuffer frame) {
            super.received(connection, frame);
            mostPending.accumulateAndGet(connection.pendingSendBytes(), Math::max);
        }
    };
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), null, MAX_FRAME_BYTES, null), echo);
    }

    @AfterEach
    void stop() {
        writer.shutdownNow();
        factory.stop();
    }

    @Test
    void aClientThatDoesNotReadIsNoLongerReadUntilItCatchesUp() throws Exception {
        try (TestClient client = new TestClient(factory.boundAddress())) {
            Future<?> sending = writer.submit(() -> {
                for (int i = 0; i < FRAMES; i++) {
                    client.sendFrame(ByteBuffer.allocate(FRAME_BYTES).putInt(0, i).array());
                }
                return null;
            });
            Await.untilTrue("the server to queue more than the pause threshold", Duration.ofSeconds(20),
                    () -> mostPending.get() > NioConnection.MIN_PAUSE_SEND_BYTES);
            assertThrows(TimeoutException.class, () -> sending.get(1, TimeUnit.SECONDS),
                    "the server kept reading a client that reads nothing");
            long bound = MAX_FRAME_BYTES + FRAME_BYTES + 4;
            assertTrue(mostPending.get() <= bound, "queued " + mostPending.get() + " bytes, bound " + bound);

            for (int i = 0; i < FRAMES; i++) {
                assertEquals(i, ByteBuffer.wrap(client.readFrame()).getInt(0), "echo " + i + " in order");
            }
            sending.get(10, TimeUnit.SECONDS);
            assertEquals(1, echo.open.size(), "the connection stays open once the client reads");
        }
    }
}
