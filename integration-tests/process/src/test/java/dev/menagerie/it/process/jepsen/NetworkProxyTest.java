package dev.menagerie.it.process.jepsen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault-injection test's proxy, in front of an echo server (quorum) and a recorder (election) as server 2. */
class NetworkProxyTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int READ_TIMEOUT_MS = 10_000;

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private EnsembleLayout layout;
    private NetworkProxy proxy;
    private final BlockingQueue<byte[]> recorded = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        layout = EnsembleLayout.of(2, 0, 1_000, 10, 3);
        echo(layout.member(2).quorumPort());
        record(layout.member(2).electionPort());
        proxy = NetworkProxy.start(layout);
        open.add(proxy);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void zooCfgListsTheOthersAtTheProxyAndItselfAtItsRealPorts() {
        String config = layout.withRoutes(proxy.routes()).configText(1, java.nio.file.Path.of("/data"));
        EnsembleLayout.Member two = proxy.routes().route(1, layout.member(2));
        assertTrue(config.contains("server.1=127.0.0.1:" + layout.member(1).quorumPort() + ":"
                + layout.member(1).electionPort() + "\n"), config);
        assertTrue(config.contains("server.2=127.0.0.1:" + two.quorumPort() + ":" + two.electionPort() + "\n"),
                config);
        assertTrue(two.quorumPort() != layout.member(2).quorumPort());
    }

    @Test
    void heldBytesWaitForTheHealAndACutClosesAndRefuses() throws IOException {
        Socket socket = dial(1, 2, false);
        assertArrayEquals(bytes("ping"), roundTrip(socket, "ping"));

        proxy.hold(1, 2);
        socket.getOutputStream().write(bytes("held"));
        socket.setSoTimeout(700);
        assertTrue(timesOut(socket.getInputStream()), "bytes from 1 to 2 moved while held");
        proxy.healAll();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        assertArrayEquals(bytes("held"), socket.getInputStream().readNBytes(4));

        proxy.hold(2, 1); // the answers, from 2 to 1, on the connection 1 opened
        socket.getOutputStream().write(bytes("back"));
        socket.setSoTimeout(700);
        assertTrue(timesOut(socket.getInputStream()), "bytes from 2 to 1 moved while held");
        proxy.healAll();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        assertArrayEquals(bytes("back"), socket.getInputStream().readNBytes(4));

        proxy.cut(1, 2);
        assertTrue(closedByProxy(socket), "a cut closes the link's connections");
        assertTrue(closedByProxy(dial(1, 2, false)), "a cut link closes new connections");
        proxy.healAll();
        Await.untilNoException("the healed link carries bytes again", Duration.ofSeconds(10),
                () -> roundTrip(dial(1, 2, false), "again"));
    }

    @Test
    void aConnectionWaitsForATargetThatListensAMomentLater() throws IOException {
        Socket socket = dial(2, 1, false); // nothing listens on server 1's quorum port yet
        socket.getOutputStream().write(bytes("early"));
        socket.setSoTimeout(300);
        assertTrue(timesOut(socket.getInputStream()), "the proxy closed the connection at once");
        echo(layout.member(1).quorumPort());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        assertArrayEquals(bytes("early"), socket.getInputStream().readNBytes(5));
    }

    @Test
    void latencyDelaysEachWay() throws IOException {
        Socket socket = dial(1, 2, false);
        proxy.delay(1, 2, 300);
        long startNs = System.nanoTime();
        assertArrayEquals(bytes("slow"), roundTrip(socket, "slow"));
        long tookMs = (System.nanoTime() - startNs) / 1_000_000;
        assertTrue(tookMs >= 600, "a round trip with 300 ms latency each way took " + tookMs + " ms");
    }

    @Test
    void theElectionHandshakeArrivesNamingTheProxyPortForTheDialBackThoughTheDiallerHungUp() throws Exception {
        String real = "127.0.0.1:" + layout.member(1).electionPort();
        try (Socket socket = dial(1, 2, true)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeLong(-65536L);
            out.writeLong(1);
            out.writeInt(real.length());
            out.write(bytes(real));
            out.flush();
        } // the lower id hangs up right after its handshake, as the election protocol has it
        byte[] received = recorded.poll(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertTrue(received != null, "server 2 got nothing");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(received));
        assertEquals(-65536L, in.readLong());
        assertEquals(1, in.readLong());
        byte[] address = new byte[in.readInt()];
        in.readFully(address);
        int back = proxy.routes().route(2, layout.member(1)).electionPort();
        assertEquals(LOOPBACK.getHostAddress() + ":" + back, new String(address, StandardCharsets.UTF_8));
        assertEquals(0, in.available());
    }

    private Socket dial(int from, int to, boolean election) throws IOException {
        EnsembleLayout.Member route = proxy.routes().route(from, layout.member(to));
        Socket socket = new Socket();
        open.add(socket);
        socket.connect(new InetSocketAddress(LOOPBACK, election ? route.electionPort() : route.quorumPort()),
                READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    private static byte[] roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(bytes(text));
        byte[] answer = socket.getInputStream().readNBytes(text.length());
        if (answer.length < text.length()) {
            throw new IOException("the connection closed after " + answer.length + " bytes");
        }
        return answer;
    }

    private static boolean timesOut(InputStream in) throws IOException {
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    /** Whether the proxy closed {@code socket}: end of stream, or a reset. */
    private static boolean closedByProxy(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Echoes every connection to {@code port} until the test ends. */
    private void echo(int port) throws IOException {
        serve(port, accepted -> accepted.getInputStream().transferTo(accepted.getOutputStream()));
    }

    /** Keeps everything each connection to {@code port} sent, once it ends, in {@link #recorded}. */
    private void record(int port) throws IOException {
        serve(port, accepted -> recorded.add(accepted.getInputStream().readAllBytes()));
    }

    private interface Handler {
        void handle(Socket accepted) throws IOException;
    }

    private void serve(int port, Handler handler) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(LOOPBACK, port));
        open.add(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket accepted = server.accept();
                    open.add(accepted);
                    Thread pump = new Thread(() -> {
                        try {
                            handler.handle(accepted);
                        } catch (IOException closed) {
                            // the test closed it
                        }
                    }, "serve-" + port);
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "serve-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
