package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One leader-learner connection: QuorumPackets written back to back in jute encoding, with no framing, exactly
 * as Apache's BinaryInputArchive and BinaryOutputArchive put them on the quorum port. Reads happen on one thread,
 * writes on another; a write lock keeps a snapshot stream in one piece.
 */
final class PacketChannel implements Closeable {

    /** Apache caps one buffer at jute.maxbuffer plus slack; a larger length means a broken or hostile stream. */
    private static final int MAX_BUFFER_BYTES = 64 * 1024 * 1024;
    private static final int MAX_AUTH_IDS = 1024;
    /** The jute string Apache's leader writes after the snapshot that follows SNAP, and its learner checks. */
    static final String SNAPSHOT_SIGNATURE = "BenWasHere";

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final JuteWriter writer = new JuteWriter(4096);

    PacketChannel(Socket socket) throws IOException {
        this(socket, socket.getInputStream());
    }

    /** A channel reading from {@code in}: the socket's stream, or one that gives back bytes already read. */
    PacketChannel(Socket socket, InputStream in) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
    }

    QuorumPacket read() throws IOException {
        int type = in.readInt();
        long zxid = in.readLong();
        byte[] data = readBuffer();
        int count = in.readInt();
        if (count > MAX_AUTH_IDS) {
            throw new IOException("a quorum packet claims " + count + " auth ids");
        }
        List<Id> auth = null;
        if (count >= 0) {
            auth = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                auth.add(new Id(readString(), readString()));
            }
        }
        return new QuorumPacket(type, zxid, data, auth);
    }

    /** The stream after a SNAP packet, for the snapshot reader. */
    InputStream input() {
        return in;
    }

    /** Reads a jute string, such as the {@link #SNAPSHOT_SIGNATURE} after a snapshot. */
    String readString() throws IOException {
        byte[] bytes = readBuffer();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    synchronized void write(QuorumPacket packet) throws IOException {
        writer.reset();
        packet.write(writer);
        writeBuffered();
    }

    /** Writes raw bytes (a snapshot) through {@code body}, then a jute string, under the write lock. */
    synchronized void writeStream(StreamBody body, String trailer) throws IOException {
        body.writeTo(out);
        writer.reset();
        writer.writeString(trailer);
        writeBuffered();
    }

    private void writeBuffered() throws IOException {
        java.nio.ByteBuffer bytes = writer.view();
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    void setReadTimeoutMs(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
    }

    String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** The other end; a socket that was never connected reports the unresolved address {@code Unknown:0}. */
    InetSocketAddress remoteAddress() {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address ? address
                : InetSocketAddress.createUnresolved("Unknown", 0);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket
        }
    }

    private byte[] readBuffer() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > MAX_BUFFER_BYTES) {
            throw new IOException("a quorum packet claims a buffer of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new EOFException("connection closed inside a packet");
        }
        return bytes;
    }

    interface StreamBody {
        void writeTo(OutputStream out) throws IOException;
    }
}
