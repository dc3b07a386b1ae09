package dev.menagerie.server.impl.cnxn;

import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.status.ClientConnections;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import dev.menagerie.server.impl.status.ServerStatusView;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of every client transport: limits connections per address, routes frames to each
 * connection's protocol state and hands four-letter words to the handler in {@code fourLetterWords}. The same
 * instance serves whichever transport is bound, so swapping NIO and Netty keeps the server and its sessions.
 */
public final class ClientProtocolHandler implements ConnectionHandler, ClientConnections {

    private static final Logger LOG = LoggerFactory.getLogger(ClientProtocolHandler.class);

    private final ZooKeeperServer server;
    /**
     * How long a connection may stay without sending its connect request, as Apache's nio transport's default
     * (nio.sessionlessCnxnTimeout): half-written or silent connections are closed instead of held forever.
     */
    static final long SESSIONLESS_TIMEOUT_MS = 10_000;

    private final ServerStatus status;
    private final FourLetterWordGate fourLetterWords;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<Long, ClientConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sessionlessTimer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "menagerie-sessionless-connections");
        thread.setDaemon(true);
        return thread;
    });

    /** @param fourLetterWords where the handler that answers four-letter words is bound */
    public ClientProtocolHandler(ZooKeeperServer server, FourLetterWordSlot fourLetterWords) {
        this.server = server;
        this.status = new ServerStatusView(server, this);
        this.fourLetterWords = new FourLetterWordGate(() -> server.settings().fourLetterWords(), fourLetterWords,
                status);
    }

    /** The status of this server and its client port, which four-letter words and admin commands report. */
    public ServerStatus status() {
        return status;
    }

    @Override
    public boolean connected(Connection connection) {
        InetAddress address = connection.remoteAddress().getAddress();
        int limit = server.settings().maxClientCnxns();
        int count = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (limit > 0 && count > limit) {
            perAddress.get(address).decrementAndGet();
            server.metrics().connectionsRejected.increment();
            LOG.warn("Too many connections from {} - max is {}", address.getHostAddress(), limit);
            return false;
        }
        ClientConnection client = new ClientConnection(connection, server);
        connection.attach(client);
        connections.put(connection.id(), client);
        try {
            sessionlessTimer.schedule(() -> closeIfSessionless(client), SESSIONLESS_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            connection.close();
        }
        return true;
    }

    /** Apache's nio.sessionlessCnxnTimeout: a connection that sent no connect request in time holds no slot. */
    private void closeIfSessionless(ClientConnection client) {
        if (client.awaitingConnect()) {
            server.metrics().sessionlessConnectionsExpired.increment();
            LOG.info("Closing connection from {}: no connect request within {} ms",
                    client.transport().remoteAddress(), SESSIONLESS_TIMEOUT_MS);
            client.transport().close();
        }
    }

    @Override
    public void received(Connection connection, ByteBuffer frame) {
        ClientConnection client = (ClientConnection) connection.attachment();
        if (client != null) {
            client.received(frame);
        }
    }

    @Override
    public void fourLetterWord(Connection connection, String command) {
        reply(connection, fourLetterWords.answer(command));
    }

    @Override
    public void fourLetterWord(Connection connection, String command, long argument) {
        reply(connection, fourLetterWords.answer(command, argument));
    }

    private static void reply(Connection connection, String answer) {
        if (answer == null) {
            connection.close();
            return;
        }
        connection.sendRawAndClose(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void plainConnectionAccepted(InetSocketAddress remoteAddress) {
        server.stats().plainConnectionAccepted(remoteAddress.getAddress().isLoopbackAddress());
    }

    @Override
    public void closed(Connection connection) {
        ClientConnection client = (ClientConnection) connection.attachment();
        if (client == null) {
            return;
        }
        connections.remove(connection.id());
        if (connection.closedByClient()) {
            server.metrics().connectionDrops.increment();
        }
        perAddress.computeIfPresent(connection.remoteAddress().getAddress(),
                (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        client.closed();
    }

    @Override
    public List<ConnectionStatus> connectionStatuses() {
        return connections.values().stream()
                .map(client -> client.stats().snapshot(client.transport().remoteAddress())).toList();
    }

    @Override
    public void resetConnectionStatistics() {
        connections.values().forEach(client -> client.stats().reset());
    }

    /** Stops the timer of connections without a session; the transport closes the connections themselves. */
    public void close() {
        sessionlessTimer.shutdownNow();
    }

    /** Closes every client connection (a quorum peer stopped serving, a restore); their sessions live on. */
    @Override
    public void closeAll() {
        for (ClientConnection client : connections.values()) {
            client.transport().close();
        }
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }
}
