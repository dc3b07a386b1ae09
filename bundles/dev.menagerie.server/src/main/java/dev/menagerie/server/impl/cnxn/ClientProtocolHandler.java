package dev.menagerie.server.impl.cnxn;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of every client transport: limits connections per address, routes frames to each
 * connection's protocol state and answers four-letter words. The same instance serves whichever transport is
 * bound, so swapping NIO and Netty keeps the server and its sessions.
 */
public final class ClientProtocolHandler implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientProtocolHandler.class);

    private final ZooKeeperServer server;
    private final FourLetterWords fourLetterWords;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<Long, ClientConnection> connections = new ConcurrentHashMap<>();

    public ClientProtocolHandler(ZooKeeperServer server) {
        this.server = server;
        this.fourLetterWords = new FourLetterWords(server, this);
    }

    @Override
    public boolean connected(Connection connection) {
        InetAddress address = connection.remoteAddress().getAddress();
        int limit = server.settings().maxClientCnxns();
        int count = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (limit > 0 && count > limit) {
            perAddress.get(address).decrementAndGet();
            LOG.warn("Too many connections from {} - max is {}", address.getHostAddress(), limit);
            return false;
        }
        ClientConnection client = new ClientConnection(connection, server);
        connection.attach(client);
        connections.put(connection.id(), client);
        return true;
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
        String answer = fourLetterWords.answer(command);
        if (answer == null) {
            connection.close();
            return;
        }
        connection.sendRawAndClose(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void closed(Connection connection) {
        ClientConnection client = (ClientConnection) connection.attachment();
        if (client == null) {
            return;
        }
        connections.remove(connection.id());
        perAddress.computeIfPresent(connection.remoteAddress().getAddress(),
                (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        client.closed();
    }

    /** The open client connections, for cons, stat and mntr. */
    java.util.Collection<ClientConnection> connections() {
        return connections.values();
    }

    /** Closes every client connection (a quorum peer stopped serving); their sessions live on. */
    public void closeAll() {
        for (ClientConnection client : connections.values()) {
            client.transport().close();
        }
    }

    public int connectionCount() {
        return connections.size();
    }
}
