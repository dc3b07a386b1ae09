package dev.menagerie.api.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transport for the ZooKeeper client protocol, registered as a service with the property {@value #TYPE}
 * ({@code nio}, {@code netty}). The server starts exactly one at a time and owns the hand-over when zoo.cfg or the
 * deployed bundles change.
 */
@ConsumerType
public interface ServerCnxnFactory {

    /** Service property naming the transport. */
    String TYPE = "type";

    /**
     * Gets ready to {@link #start} soon: loads and creates what start needs that does not depend on the settings
     * (threads, native libraries), without binding anything. The server calls it before it stops the transport
     * this one replaces, so that clients find the port closed for as short a time as possible. A transport that
     * is prepared but never started releases what it prepared in {@link #stop()}. Does nothing by default.
     *
     * @since 1.5
     */
    default void prepare() {
    }

    /** Binds the addresses in {@code settings} and starts calling {@code handler}. */
    void start(TransportSettings settings, ConnectionHandler handler) throws IOException;

    /** The bound plain address, or null when none is bound (useful when port 0 was asked for). */
    InetSocketAddress boundAddress();

    /** The bound TLS address, or null. */
    InetSocketAddress boundSecureAddress();

    /** The connections open now. */
    Collection<? extends Connection> connections();

    /** Stops listening and closes every connection; the handler sees {@code closed} for each. Idempotent. */
    void stop();

    /**
     * TLS handshakes started and not finished on this transport's ports, counted only while a limit on them is set
     * (Apache's {@code zookeeper.netty.server.outstandingHandshake.limit}); 0 for a transport without TLS.
     *
     * @since 1.3
     */
    default int outstandingTlsHandshakes() {
        return 0;
    }
}
