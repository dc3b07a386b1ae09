package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running listener: an acceptor thread that deals accepted sockets to the selector threads in turn. */
final class NioServer {

    private static final Logger LOG = LoggerFactory.getLogger(NioServer.class);

    private final ServerSocketChannel serverChannel;
    private final List<SelectorThread> selectors = new ArrayList<>();
    private final Map<Long, NioConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ConnectionHandler handler;
    private final int maxFrameBytes;
    private final Thread acceptor;
    private volatile boolean running = true;

    NioServer(InetSocketAddress address, ConnectionHandler handler, int maxFrameBytes, int selectorThreads)
            throws IOException {
        this.handler = handler;
        this.maxFrameBytes = maxFrameBytes;
        this.serverChannel = ServerSocketChannel.open();
        try {
            serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            serverChannel.bind(address, 1024);
            for (int i = 0; i < selectorThreads; i++) {
                selectors.add(new SelectorThread("nio-selector-" + i + "-" + boundAddress().getPort()));
            }
        } catch (IOException e) {
            serverChannel.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        this.acceptor = new Thread(this::acceptLoop, "nio-acceptor-" + boundAddress().getPort());
        this.acceptor.setDaemon(true);
        selectors.forEach(SelectorThread::start);
        acceptor.start();
    }

    InetSocketAddress boundAddress() {
        try {
            return (InetSocketAddress) serverChannel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    Collection<? extends Connection> connections() {
        return List.copyOf(connections.values());
    }

    private void acceptLoop() {
        int turn = 0;
        while (running) {
            try {
                SocketChannel channel = serverChannel.accept();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectorThread selector = selectors.get(turn++ % selectors.size());
                selector.adopt(channel, c -> connect(c, selector));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("accept failed: {}", e.toString());
                    pauseAfterAcceptFailure();
                }
            }
        }
    }

    /** Accept failures such as "too many open files" repeat; back off briefly instead of spinning. */
    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NioConnection connect(SocketChannel channel, SelectorThread selector) {
        NioConnection connection;
        try {
            connection = new NioConnection(nextId.getAndIncrement(), channel, selector, this::closed,
                    handler, maxFrameBytes);
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
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
            return null;
        }
        return connection;
    }

    private void closed(NioConnection connection) {
        connections.remove(connection.id());
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is being dropped anyway
        }
    }

    void stop() {
        running = false;
        try {
            serverChannel.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket failed: {}", e.toString());
        }
        try {
            acceptor.join(5_000);
            for (SelectorThread selector : selectors) {
                selector.shutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
