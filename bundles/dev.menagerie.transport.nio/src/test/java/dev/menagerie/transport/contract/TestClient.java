package dev.menagerie.transport.contract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A blocking client speaking length-prefixed frames, with a read timeout so no test can hang. */
public final class TestClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public TestClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", address.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    public void sendFrame(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public byte[] readFrame() throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** The next frame, or null when none starts arriving within {@code waitMs}. */
    public byte[] readFrameWithin(int waitMs) throws IOException {
        socket.setSoTimeout(waitMs);
        try {
            in.mark(4);
            return readFrame();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Half-closes: the server reads the end of the stream, the client can still read the answer. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** True when the server closed the connection (end of stream or reset) within the read timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException e) {
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
