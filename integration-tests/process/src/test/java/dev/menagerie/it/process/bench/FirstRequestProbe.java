package dev.menagerie.it.process.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Measures "start to first successful client request" without the official client, whose back-off between
 * connection attempts (up to a second) would blur the figure: a raw session handshake followed by
 * {@code exists("/")}, retried every few milliseconds until it succeeds.
 */
final class FirstRequestProbe {

    private static final int RETRY_PAUSE_MS = 5;
    /**
     * Short: a server may accept a connection while it loads and then never answer it; a fresh connection after
     * this long is answered once the server serves. It bounds the error of the measurement.
     */
    private static final int SOCKET_TIMEOUT_MS = 250;
    private static final int OP_EXISTS = 3;
    private static final int OP_CLOSE_SESSION = -11;

    private FirstRequestProbe() {
    }

    /** Returns once a request succeeded; throws after {@code timeout}. */
    static void await(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (tryOnce(port)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(RETRY_PAUSE_MS);
        }
        throw new IllegalStateException("no successful request on port " + port + " within " + timeout
                + " (last error: " + last + ")");
    }

    private static boolean tryOnce(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(connectRequest());
            out.flush();
            byte[] connectResponse = new byte[in.readInt()];
            in.readFully(connectResponse);
            if (ByteBuffer.wrap(connectResponse).getInt(4) <= 0) {
                return false; // a negotiated timeout of 0 means the session was refused
            }
            out.write(existsRoot());
            out.flush();
            byte[] reply = new byte[in.readInt()];
            in.readFully(reply);
            boolean ok = ByteBuffer.wrap(reply).getInt(12) == 0;
            out.write(closeSession());
            out.flush();
            return ok;
        }
    }

    /** ConnectRequest{protocolVersion, lastZxidSeen, timeOut, sessionId, passwd[16], readOnly}. */
    private static byte[] connectRequest() {
        ByteBuffer frame = ByteBuffer.allocate(4 + 45);
        frame.putInt(45).putInt(0).putLong(0).putInt(30_000).putLong(0).putInt(16).put(new byte[16]).put((byte) 0);
        return frame.array();
    }

    /** RequestHeader{xid 1, exists} + ExistsRequest{"/", watch false}. */
    private static byte[] existsRoot() {
        ByteBuffer frame = ByteBuffer.allocate(4 + 14);
        frame.putInt(14).putInt(1).putInt(OP_EXISTS).putInt(1).put((byte) '/').put((byte) 0);
        return frame.array();
    }

    private static byte[] closeSession() {
        ByteBuffer frame = ByteBuffer.allocate(4 + 8);
        frame.putInt(8).putInt(2).putInt(OP_CLOSE_SESSION);
        return frame.array();
    }
}
