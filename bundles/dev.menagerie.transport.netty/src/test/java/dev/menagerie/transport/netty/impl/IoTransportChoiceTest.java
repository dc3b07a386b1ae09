package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.Components;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    @Test
    void aPreparedTransportStartsOnItsEventLoopsAndAnUnstartedOneLeavesNoThreads() throws Exception {
        MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
        NettyServerCnxnFactory unused = new NettyServerCnxnFactory(IoTransport::choose, metrics);
        long before = nettyThreads();
        unused.prepare();
        unused.stop();
        Await.until("the prepared event loops of a transport that never started end with stop",
                Duration.ofSeconds(10), () -> nettyThreads() <= before ? true : null);

        NettyServerCnxnFactory factory = new NettyServerCnxnFactory(IoTransport::choose, metrics);
        factory.prepare();
        try {
            factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), null, 1024, null),
                    new RecordingHandler());
            try (TestClient client = new TestClient(factory.boundAddress())) {
                client.sendFrame(new byte[] {7});
                assertArrayEquals(new byte[] {7}, client.readFrame());
            }
        } finally {
            factory.stop();
        }
    }

    private static long nettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("netty-")).count();
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
