package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.TransportSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running listener: an accepting event loop for the plain and TLS ports and a group of worker event loops
 * that do every client's I/O and call the handler. Made by start, discarded by stop.
 */
final class NettyServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);
    private static final long BIND_TIMEOUT_MS = 10_000;
    private static final long SHUTDOWN_TIMEOUT_MS = 10_000;
    /** Pooled direct buffers, as the frames are handed to the server as views of what was read. */
    private static final ByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(true);

    private final IoTransport io;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private ConnectionRegistry registry;
    private TlsContextSource tls;
    private Channel plain;
    private Channel secure;

    private final NettyMetrics metrics;
    private HandshakeLimit handshakeLimit;

    /** Starts the event loops over {@code io}; {@link #listen} binds the ports. */
    NettyServer(IoTransport io, NettyMetrics metrics) {
        this.io = io;
        this.metrics = metrics;
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-accept", true),
                io.ioHandlers().get());
        this.workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("netty-worker", true),
                io.ioHandlers().get());
    }

    IoTransport io() {
        return io;
    }

    /** Binds the ports of {@code settings}; on failure everything is stopped again. */
    void listen(TransportSettings settings, ConnectionHandler handler) throws IOException {
        this.handshakeLimit = HandshakeLimit.fromSystemProperty(metrics.tlsHandshakesExceeded);
        this.registry = new ConnectionRegistry(handler, settings.maxFrameBytes(), metrics.queuedBufferCapacity);
        try {
            if (settings.tls() != null) {
                tls = new TlsContextSource(settings.tls());
            }
            if (settings.clientAddress() != null) {
                plain = bind(io, settings.clientAddress(), tls != null && settings.tls().plainPortAcceptsTls()
                        ? Security.SNIFFED : Security.PLAIN);
            }
            if (settings.secureClientAddress() != null) {
                secure = bind(io, settings.secureClientAddress(), Security.TLS);
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** What a port speaks: plain, TLS, or either, told apart by the client's first bytes. */
    private enum Security { PLAIN, TLS, SNIFFED }

    private Channel bind(IoTransport io, HostPort hostPort, Security security) throws IOException {
        InetSocketAddress address = hostPort.resolve();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(io.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (security == Security.TLS) {
                            SslHandler handler = tlsHandler(channel);
                            if (handler == null) {
                                channel.close();
                                return;
                            }
                            channel.pipeline().addLast(handler);
                        } else if (security == Security.SNIFFED) {
                            channel.pipeline().addLast(new TlsSniffer(ctx -> tlsHandler(ctx.channel())));
                        }
                        if (security != Security.PLAIN && handshakeLimit.enabled()) {
                            channel.pipeline().addLast(new HandshakeGate(handshakeLimit));
                        }
                        // Answers to pipelined requests written during one read go out in one flush.
                        channel.pipeline().addLast(new FlushConsolidationHandler());
                        channel.pipeline().addLast(new ClientChannelHandler(registry,
                                tls != null && tls.settings().trustStore() != null, metrics.unsuccessfulHandshakes));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address);
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT_MS) || !bound.isSuccess()) {
            Throwable cause = bound.cause();
            bound.channel().close();
            throw new IOException("cannot listen on " + hostPort + ": "
                    + (cause == null ? "timed out" : cause.getMessage()), cause);
        }
        return bound.channel();
    }

    /** A TLS handler for one connection, or null (logged) while a changed store cannot be read. */
    private SslHandler tlsHandler(Channel channel) {
        try {
            return new SslHandler(TlsContexts.serverEngine(tls.current(), tls.settings(),
                    (InetSocketAddress) channel.remoteAddress()));
        } catch (IOException e) {
            LOG.error("Refusing the TLS connection from {}: {}", channel.remoteAddress(), e.getMessage());
            return null;
        }
    }

    /** TLS handshakes in progress while {@link HandshakeLimit} is on; 0 when it is off. */
    int outstandingTlsHandshakes() {
        return handshakeLimit == null ? 0 : handshakeLimit.outstanding();
    }

    InetSocketAddress boundAddress() {
        return plain == null ? null : (InetSocketAddress) plain.localAddress();
    }

    InetSocketAddress boundSecureAddress() {
        return secure == null ? null : (InetSocketAddress) secure.localAddress();
    }

    int workerThreads() {
        return ((MultiThreadIoEventLoopGroup) workers).executorCount();
    }

    Collection<NettyConnection> connections() {
        return registry == null ? List.of() : registry.list();
    }

    /** Frees the ports, closes every connection and waits until the handler has heard of each close. */
    void stop() {
        closeListener(plain);
        closeListener(secure);
        if (tls != null) {
            tls.close();
        }
        for (NettyConnection connection : connections()) {
            connection.closeNow();
        }
        shutDown(acceptors);
        shutDown(workers);
        if (registry != null) {
            registry.reportRemainingClosed();
        }
    }

    private static void closeListener(Channel listener) {
        if (listener != null && !listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS)) {
            LOG.warn("the listening socket {} did not close in time", listener.localAddress());
        }
    }

    /** No quiet period: the channels are closed already, and the close reports run before the loops end. */
    private static void shutDown(EventLoopGroup group) {
        if (!group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS + 1_000)) {
            LOG.warn("Netty event loops did not stop within {} ms", SHUTDOWN_TIMEOUT_MS);
        }
    }
}
