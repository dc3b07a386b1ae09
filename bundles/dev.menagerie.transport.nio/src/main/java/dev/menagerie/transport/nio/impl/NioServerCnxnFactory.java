package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NIO transport, as Apache ZooKeeper's default NIOServerCnxnFactory: an acceptor thread and a few selector
 * threads doing non-blocking I/O. TLS is not offered here (Apache's NIO factory has none either): a secure client
 * port needs the Netty transport.
 */
@Component(service = ServerCnxnFactory.class, property = ServerCnxnFactory.TYPE + "=nio")
public final class NioServerCnxnFactory implements ServerCnxnFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NioServerCnxnFactory.class);

    private NioServer server;

    @Override
    public synchronized void start(TransportSettings settings, ConnectionHandler handler) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the NIO transport is already started");
        }
        if (settings.secureClientAddress() != null) {
            throw new IOException("secureClientPort needs serverCnxnFactory=netty: the NIO transport has no TLS");
        }
        if (settings.tls() != null && settings.tls().plainPortAcceptsTls()) {
            throw new IOException("client.portUnification needs serverCnxnFactory=netty: the NIO transport has no TLS");
        }
        if (settings.clientAddress() == null) {
            throw new IOException("no clientPort is configured for the NIO transport");
        }
        InetSocketAddress address = settings.clientAddress().resolve();
        server = new NioServer(address, handler, settings.maxFrameBytes(), selectorThreads());
        LOG.info("NIO transport listening on {} ({} selector threads, frames up to {} bytes)",
                server.boundAddress(), selectorThreads(), settings.maxFrameBytes());
    }

    /** As Apache: about the square root of half the cores, at least one. */
    static int selectorThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, (int) Math.sqrt(cores / 2.0));
    }

    @Override
    public synchronized InetSocketAddress boundAddress() {
        return server == null ? null : server.boundAddress();
    }

    @Override
    public InetSocketAddress boundSecureAddress() {
        return null;
    }

    @Override
    public synchronized Collection<? extends Connection> connections() {
        return server == null ? List.of() : server.connections();
    }

    @Override
    @Deactivate
    public synchronized void stop() {
        if (server != null) {
            InetSocketAddress address = server.boundAddress();
            server.stop();
            server = null;
            LOG.info("NIO transport on {} stopped", address);
        }
    }
}
