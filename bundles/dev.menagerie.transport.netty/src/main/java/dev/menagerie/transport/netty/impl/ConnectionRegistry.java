package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.transport.ConnectionHandler;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open connections of one running server, plain and TLS alike, and their introduction to the handler. */
final class ConnectionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Map<Long, NettyConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ConnectionHandler handler;
    private final int maxFrameBytes;
    private final Summary queuedBufferCapacity;

    /** @param queuedBufferCapacity records a connection's read buffer capacity whenever bytes stay in it */
    ConnectionRegistry(ConnectionHandler handler, int maxFrameBytes, Summary queuedBufferCapacity) {
        this.handler = handler;
        this.maxFrameBytes = maxFrameBytes;
        this.queuedBufferCapacity = queuedBufferCapacity;
    }

    /**
     * Makes the connection for a usable channel and asks the handler whether to keep it; a refused connection is
     * closed, and the handler hears of that close as of any other.
     */
    NettyConnection open(Channel channel, List<Certificate> peerCertificates) {
        NettyConnection connection = new NettyConnection(nextId.getAndIncrement(), channel, handler,
                new FrameReader(maxFrameBytes, channel.alloc(), queuedBufferCapacity::record), peerCertificates,
                this::remove);
        connections.put(connection.id(), connection);
        boolean accepted;
        try {
            accepted = handler.connected(connection);
        } catch (RuntimeException e) {
            LOG.warn("the server failed on a new {}", connection, e);
            accepted = false;
        }
        if (!accepted) {
            connection.closeNow();
        } else if (channel.pipeline().get(SslHandler.class) == null) {
            handler.plainConnectionAccepted(connection.remoteAddress());
        }
        return connection;
    }

    private void remove(NettyConnection connection) {
        connections.remove(connection.id());
    }

    Collection<NettyConnection> list() {
        return List.copyOf(connections.values());
    }

    /**
     * After the event loops have ended: reports any connection whose close the loops did not get to report, so
     * that the handler hears of every close before stop returns.
     */
    void reportRemainingClosed() {
        for (NettyConnection connection : list()) {
            connection.channelClosed();
        }
    }
}
