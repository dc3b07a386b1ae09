package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.testing.Components;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The start-up log says which I/O engine serves the port: native epoll where it loads, else Java NIO. */
class IoTransportChoiceTest {

    @Test
    void startLogNamesEpollWhereItLoadsAndNioOtherwise() throws Exception {
        boolean epoll = EpollSupport.unavailabilityReason() == null;
        List<String> lines = startAndCaptureInfoLines(IoTransport::choose);
        assertEquals(1, lines.size(), "one line about the listener: " + lines);
        assertTrue(lines.get(0).contains(epoll ? "using native epoll" : "using Java NIO (native epoll unavailable"),
                lines.get(0));
    }

    @Test
    void fallbackToNioIsOneInfoLineWithTheReason() throws Exception {
        List<String> lines = startAndCaptureInfoLines(() -> IoTransport.nio("native epoll unavailable: test"));
        assertEquals(1, lines.size(), "one line about the listener: " + lines);
        assertTrue(lines.get(0).contains("using Java NIO (native epoll unavailable: test)"), lines.get(0));
    }

    /** Starts a factory, checks it serves, and returns the INFO lines it logged (slf4j-simple writes to stderr). */
    private static List<String> startAndCaptureInfoLines(Supplier<IoTransport> choice) throws Exception {
        NettyServerCnxnFactory factory = new NettyServerCnxnFactory(choice,
                Components.create(MetricsRegistry.class).service());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), null, 1024, null),
                    new RecordingHandler());
            try (TestClient client = new TestClient(factory.boundAddress())) {
                client.sendFrame(new byte[] {5});
                assertArrayEquals(new byte[] {5}, client.readFrame());
            }
        } finally {
            System.setErr(original);
            factory.stop();
        }
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(" INFO ") && line.contains("NettyServerCnxnFactory"))
                .toList();
    }
}
