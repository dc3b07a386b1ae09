package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport, as Apache ZooKeeper's NettyServerCnxnFactory: the plain client port and, when configured,
 * the secure (TLS) client port, served by Netty event loops over native epoll where it loads, else Java NIO.
 */
@Component(service = ServerCnxnFactory.class, property = ServerCnxnFactory.TYPE + "=netty")
public final class NettyServerCnxnFactory implements ServerCnxnFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServerCnxnFactory.class);

    private final Supplier<IoTransport> ioChoice;
    private final NettyMetrics metrics;
    private NettyServer server;
    /** Event loops made by {@link #prepare()} for the next start; null when none waits. */
    private NettyServer prepared;

    @Activate
    public NettyServerCnxnFactory(@Reference(name = "metrics") MetricsRegistry metrics) {
        this(IoTransport::choose, metrics);
    }

    /** For tests that need a given I/O engine. */
    NettyServerCnxnFactory(Supplier<IoTransport> ioChoice, MetricsRegistry metrics) {
        this.ioChoice = ioChoice;
        this.metrics = new NettyMetrics(metrics);
    }

    @Override
    public synchronized void start(TransportSettings settings, ConnectionHandler handler) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the Netty transport is already started");
        }
        if (settings.clientAddress() == null && settings.secureClientAddress() == null) {
            throw new IOException("neither clientPort nor secureClientPort is configured for the Netty transport");
        }
        if (settings.secureClientAddress() != null && settings.tls() == null) {
            throw new IOException("secureClientPort needs the ssl.keyStore and ssl.trustStore settings");
        }
        NettyServer starting = prepared != null ? prepared : new NettyServer(ioChoice.get(), metrics);
        prepared = null;
        starting.listen(settings, handler);
        server = starting;
        IoTransport io = starting.io();
        LOG.info("Netty transport listening on {}{} using {} ({} worker threads, frames up to {} bytes)",
                server.boundAddress() == null ? "no plain port" : server.boundAddress(),
                server.boundSecureAddress() == null ? "" : " and TLS on " + server.boundSecureAddress(),
                io.description(), server.workerThreads(), settings.maxFrameBytes());
    }

    /** Loads the I/O engine (native epoll) and starts the event loops, so that {@link #start} only binds. */
    @Override
    public synchronized void prepare() {
        if (server == null && prepared == null) {
            prepared = new NettyServer(ioChoice.get(), metrics);
        }
    }

    @Override
    public synchronized InetSocketAddress boundAddress() {
        return server == null ? null : server.boundAddress();
    }

    @Override
    public synchronized InetSocketAddress boundSecureAddress() {
        return server == null ? null : server.boundSecureAddress();
    }

    @Override
    public synchronized int outstandingTlsHandshakes() {
        return server == null ? 0 : server.outstandingTlsHandshakes();
    }

    @Override
    public synchronized Collection<? extends Connection> connections() {
        return server == null ? List.of() : server.connections();
    }

    @Override
    @Deactivate
    public synchronized void stop() {
        if (prepared != null) {
            prepared.stop();
            prepared = null;
        }
        if (server != null) {
            InetSocketAddress address = server.boundAddress() != null ? server.boundAddress()
                    : server.boundSecureAddress();
            NettyServer stopping = server;
            server = null;
            stopping.stop();
            LOG.info("Netty transport on {} stopped", address);
        }
    }
}
