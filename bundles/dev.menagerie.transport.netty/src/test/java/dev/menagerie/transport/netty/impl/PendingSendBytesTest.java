package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.testing.Components;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TestClient;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server uses to notice a client that does not keep up with its answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PendingSendBytesTest {

    private static final int FRAME_BYTES = 1024 * 1024;
    private static final int FRAMES = 32;

    private final NettyServerCnxnFactory factory = new NettyServerCnxnFactory(Components.create(MetricsRegistry.class).service());

    @AfterEach
    void stop() {
        factory.stop();
    }

    @Test
    void answersAClientDoesNotReadArePendingUntilItReadsThem() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), null, FRAME_BYTES, null), handler);
        try (TestClient client = new TestClient(factory.boundAddress())) {
            client.sendFrame(new byte[] {1});
            client.readFrame();
            Connection connection = handler.open.iterator().next();
            for (int i = 0; i < FRAMES; i++) {
                connection.send(ByteBuffer.allocate(FRAME_BYTES));
            }
            // More than the socket buffers of a loopback connection hold, so some must still wait here.
            long pending = connection.pendingSendBytes();
            assertTrue(pending > 0, "pending after queueing: " + pending);
            for (int i = 0; i < FRAMES; i++) {
                assertEquals(FRAME_BYTES, client.readFrame().length);
            }
            await(() -> connection.pendingSendBytes() == 0, "every queued byte was written");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
