package dev.menagerie.it.process.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.apache.zookeeper.proto.ConnectResponse;

/** One blocking raw connection with an established session, for clients that misbehave on purpose. */
final class RawClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 30_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ConnectResponse session;

    RawClient(int port, String sourceAddress, int sessionTimeoutMs) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(sourceAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(Wire.connect(0, new byte[16], sessionTimeoutMs));
        session = Wire.connectResponse(readFrame());
        if (session.getTimeOut() <= 0) {
            throw new IOException("the server refused a new session from " + sourceAddress);
        }
    }

    long sessionId() {
        return session.getSessionId();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] readFrame() throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return body;
    }

    /**
     * Sends {@code request} and says what the server did with it within {@code waitMs}: "closed", "error N" for a
     * reply with an error, "ok" for a successful reply, or "no answer".
     */
    String sendAndAwait(byte[] request, int waitMs) throws IOException {
        try {
            write(request);
        } catch (IOException closedWhileSending) {
            return "closed";
        }
        socket.setSoTimeout(waitMs);
        try {
            int err = Wire.replyHeader(readFrame()).getErr();
            return err == 0 ? "ok" : "error " + err;
        } catch (SocketTimeoutException silent) {
            return "no answer";
        } catch (IOException closed) {
            return "closed";
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
