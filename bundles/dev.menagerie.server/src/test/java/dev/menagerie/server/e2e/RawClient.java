package dev.menagerie.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.WatcherEvent;

/**
 * A client that writes frames itself, for requests the official client refuses to send (bad paths, a createTTL
 * without a TTL mode). It sees the reply header only: error code and zxid; notifications are kept as lines.
 */
final class RawClient implements AutoCloseable {

    private static final int NOTIFICATION_XID = -1;
    private static final int AUTH_XID = -4;

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final DataOutputStream out;
    private int xid;
    private final List<String> notifications = new ArrayList<>();

    private final int connectResponseBytes;

    RawClient(int port) throws IOException {
        this(port, true, 30_000);
    }

    /** A client that asks for a session of {@code sessionTimeoutMs} (it sends no pings of its own). */
    RawClient(int port, int sessionTimeoutMs) throws IOException {
        this(port, true, sessionTimeoutMs);
    }

    /**
     * @param withReadOnly false sends the 44-byte ConnectRequest of clients older than 3.4, without the readOnly
     *     flag; the server must then answer without it too
     */
    RawClient(int port, boolean withReadOnly) throws IOException {
        this(port, withReadOnly, 30_000);
    }

    private RawClient(int port, boolean withReadOnly, int sessionTimeoutMs) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
        if (withReadOnly) {
            send(null, new ConnectRequest(0, 0, sessionTimeoutMs, 0, new byte[16], false));
        } else {
            ByteBuffer old = ByteBuffer.allocate(4 + 44).putInt(44).putInt(0).putLong(0).putInt(sessionTimeoutMs).putLong(0)
                    .putInt(16).put(new byte[16]);
            out.write(old.array());
            out.flush();
        }
        connectResponseBytes = readFrame().remaining();
    }

    /** The size of the ConnectResponse frame: 36 bytes without the readOnly flag, 37 with it. */
    int connectResponseBytes() {
        return connectResponseBytes;
    }

    /** Sends one request and returns its reply header (notifications in between are kept, see below). */
    ReplyHeader call(int type, Record request) throws IOException {
        return call(++xid, type, request);
    }

    /** Sends an auth packet ({@code addauth}); its reply header tells whether it was accepted. */
    ReplyHeader auth(String scheme, String credentials) throws IOException {
        return call(AUTH_XID, OpCode.auth, new AuthPacket(0, scheme, ScriptClient.bytes(credentials)));
    }

    private ReplyHeader call(int sent, int type, Record request) throws IOException {
        send(new RequestHeader(sent, type), request);
        while (true) {
            ByteBuffer frame = readFrame();
            ReplyHeader header = new ReplyHeader(frame.getInt(), frame.getLong(), frame.getInt());
            if (header.getXid() != NOTIFICATION_XID) {
                return header;
            }
            notifications.add(event(frame) + " zxid=" + header.getZxid());
        }
    }

    /**
     * Sends a request with a chosen xid (setWatches goes out as -8) and returns every frame up to and including the
     * reply to {@code untilXid}, as lines: notifications and replies in the order they arrived.
     */
    List<String> exchange(int sentXid, int type, Record request, int untilXid) throws IOException {
        send(new RequestHeader(sentXid, type), request);
        return framesUntil(untilXid);
    }

    /** The next xid {@link #call} would use, for a request whose reply {@link #exchange} waits for. */
    int nextXid() {
        return ++xid;
    }

    /** Every frame up to and including the reply to {@code untilXid}; "closed" ends the list if the server hangs up. */
    List<String> framesUntil(int untilXid) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            ByteBuffer frame;
            try {
                frame = readFrame();
            } catch (java.io.EOFException e) {
                lines.add("closed");
                return lines;
            }
            ReplyHeader header = new ReplyHeader(frame.getInt(), frame.getLong(), frame.getInt());
            if (header.getXid() == NOTIFICATION_XID) {
                lines.add("event " + event(frame) + " zxid=" + header.getZxid());
                continue;
            }
            lines.add("reply xid=" + header.getXid() + " err=" + header.getErr() + " zxid=" + header.getZxid());
            if (header.getXid() == untilXid) {
                return lines;
            }
        }
    }

    /** Whether the server closes the connection within {@code timeoutMs} without sending anything more. */
    boolean closedByServer(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    private static String event(ByteBuffer frame) throws IOException {
        WatcherEvent event = new WatcherEvent();
        event.deserialize(BinaryInputArchive.getArchive(new java.io.ByteArrayInputStream(frame.array(),
                frame.position(), frame.remaining())), "event");
        return EventType.fromInt(event.getType()) + " " + event.getPath();
    }

    /** The notifications received since the last call of this method, in order. */
    List<String> drainNotifications() {
        List<String> copy = List.copyOf(notifications);
        notifications.clear();
        return copy;
    }

    private void send(RequestHeader header, Record body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
        if (header != null) {
            header.serialize(archive, "header");
        }
        if (body != null) {
            body.serialize(archive, "request");
        }
        // One write per frame: a separate length write would wait on delayed acks.
        out.write(ByteBuffer.allocate(4 + bytes.size()).putInt(bytes.size()).put(bytes.toByteArray()).array());
        out.flush();
    }

    private ByteBuffer readFrame() throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
