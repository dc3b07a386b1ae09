package dev.menagerie.transport.netty.impl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A blocking TLS client speaking length-prefixed frames, with timeouts so no test can hang. */
final class TlsTestClient implements AutoCloseable {

    private final SSLSocket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    TlsTestClient(SSLContext context, InetSocketAddress address) throws IOException {
        socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", address.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    void sendFrame(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] readFrame() throws IOException {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return payload;
    }

    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
