package dev.menagerie.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** One client connection, as a transport presents it to the server. */
@ConsumerType
public interface Connection {

    /** A number unique among this factory's connections, for logs and the {@code cons} command. */
    long id();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /**
     * Queues one frame for sending; the transport adds the 4-byte length prefix. Frames go out in the order of
     * the calls. Safe to call from any thread.
     */
    void send(ByteBuffer frame);

    /** Queues raw bytes with no length prefix (the reply to a four-letter word), then closes the connection. */
    void sendRawAndClose(ByteBuffer bytes);

    /** Stops (false) or resumes (true) reading requests from this client; used for throttling. */
    void setReceiving(boolean receiving);

    /** Closes the connection after the frames already queued; {@link ConnectionHandler#closed} follows. */
    void close();

    /** The client's verified TLS certificate chain, empty for plain connections. */
    List<Certificate> peerCertificates();

    /** Bytes queued for sending and not yet written to the socket. */
    long pendingSendBytes();

    /**
     * True when the connection is gone because the client closed it (the end of its stream, or a reset the
     * transport cannot tell from one) rather than because the server closed it: Apache's connection_drop_count.
     * Read in {@link ConnectionHandler#closed}. Transports that cannot tell answer false.
     *
     * @since 1.4
     */
    default boolean closedByClient() {
        return false;
    }

    /** The server's per-connection state; the transport only stores it. */
    Object attachment();

    void attach(Object attachment);
}
