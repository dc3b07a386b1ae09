package dev.menagerie.admin.impl.http;

import dev.menagerie.api.metrics.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin port with {@code admin.portUnification}: HTTPS and plain HTTP on one port, told apart by the first byte
 * a client sends (0x16 opens a TLS handshake), as Apache's UnifiedConnectionFactory does. Each connection is relayed,
 * byte for byte, to one of two JDK servers listening on loopback, an HTTPS one and a plain one; the HTTPS server
 * does the TLS, so it sees the client's certificate. The client's address is kept by the relay's loopback port
 * ({@link #clientOf}).
 *
 * <p>At most {@link #MAX_CONNECTIONS} connections are relayed at once; beyond that the accepting thread waits for
 * one to end, and further clients wait in the listen backlog. A client that connects and sends nothing for
 * {@link #FIRST_BYTE_TIMEOUT_MS} is dropped; idle connections after that are closed by the JDK server.
 */
final class UnifiedPort implements AutoCloseable {

    static final int MAX_CONNECTIONS = 16;
    static final int FIRST_BYTE_TIMEOUT_MS = 10_000;
    static final int TLS_HANDSHAKE_RECORD = 0x16;
    static final long IDLE_THREAD_KEEP_ALIVE_S = 30;
    private static final int BUFFER_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UnifiedPort.class);

    private final ServerSocket listener;
    private final InetSocketAddress plain;
    private final InetSocketAddress https;
    private final Counter insecureConnections;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    /**
     * Two threads per relayed connection, one per direction; {@link #slots} keeps the count bounded. The queue only
     * holds the tasks of a new connection while an ended one's threads finish; were it full, that connection would
     * be closed. Idle threads end after {@link #IDLE_THREAD_KEEP_ALIVE_S}.
     */
    private final ThreadPoolExecutor relays = new ThreadPoolExecutor(2 * MAX_CONNECTIONS, 2 * MAX_CONNECTIONS,
            IDLE_THREAD_KEEP_ALIVE_S, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2 * MAX_CONNECTIONS), daemon("relay"));
    /** Keyed by {@link #link}: a local port is unique only per destination, and there are two. */
    private final Map<Long, String> clientByLink = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private UnifiedPort(ServerSocket listener, InetSocketAddress plain, InetSocketAddress https,
            Counter insecureConnections) {
        this.listener = listener;
        this.plain = plain;
        this.https = https;
        this.insecureConnections = insecureConnections;
        this.acceptor = daemon("accept").newThread(this::acceptLoop);
        relays.allowCoreThreadTimeOut(true);
    }

    /** Listens on {@code address}, relaying to the plain and HTTPS servers at the given loopback addresses. */
    static UnifiedPort open(InetSocketAddress address, int backlog, InetSocketAddress plain, InetSocketAddress https,
            Counter insecureConnections) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, backlog);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        UnifiedPort port = new UnifiedPort(listener, plain, https, insecureConnections);
        port.acceptor.start();
        return port;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * The address of the client relayed through the loopback connection from {@code loopbackPort} to the server
     * on {@code serverPort}, or null when the relay made no such connection.
     */
    String clientOf(int loopbackPort, int serverPort) {
        return clientByLink.get(link(loopbackPort, serverPort));
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(UnifiedPort::closeQuietly);
        relays.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                slots.acquire();
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    slots.release();
                    throw e;
                }
                try {
                    relays.execute(() -> relay(client));
                } catch (RejectedExecutionException e) {
                    closeQuietly(client); // closed between the accept and here
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Admin port stopped accepting connections: {}", e.getMessage());
                }
                return;
            }
        }
    }

    /** Picks the server by the first byte, then copies both ways until the server's side ends. */
    private void relay(Socket client) {
        Connection connection = new Connection(client);
        try {
            client.setSoTimeout(FIRST_BYTE_TIMEOUT_MS);
            int first = client.getInputStream().read();
            if (first < 0) {
                connection.close();
                return;
            }
            client.setSoTimeout(0);
            boolean tls = first == TLS_HANDSHAKE_RECORD;
            if (!tls) {
                insecureConnections.increment();
            }
            Socket server = connection.connect(tls ? https : plain);
            server.getOutputStream().write(first);
            try {
                relays.execute(() -> connection.copy(client, server));
            } catch (RejectedExecutionException e) {
                connection.close();
                return;
            }
            connection.copy(server, client);
        } catch (SocketTimeoutException e) {
            LOG.debug("Admin client {} sent nothing in {} ms", client.getRemoteSocketAddress(),
                    FIRST_BYTE_TIMEOUT_MS);
            connection.close();
        } catch (IOException e) {
            LOG.debug("Admin connection from {} ended: {}", client.getRemoteSocketAddress(), e.toString());
            connection.close();
        }
    }

    /** One relayed client; closing it (once) frees its slot. */
    private final class Connection {

        private final Socket client;
        private volatile Socket server;
        private final AtomicBoolean closed = new AtomicBoolean();

        Connection(Socket client) {
            this.client = client;
            open.add(client);
        }

        Socket connect(InetSocketAddress target) throws IOException {
            Socket socket = new Socket();
            server = socket;
            open.add(socket);
            socket.connect(target);
            clientByLink.put(link(socket.getLocalPort(), target.getPort()), client.getInetAddress().getHostAddress());
            return socket;
        }

        /**
         * Copies until the end of {@code from}'s stream. The client's end is passed on as a half-close (the
         * response may still be coming); the server's end, or any failure, ends the connection.
         */
        void copy(Socket from, Socket to) {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                if (from == client) {
                    to.shutdownOutput();
                    return;
                }
            } catch (IOException e) {
                LOG.debug("Admin relay for {} ended: {}", client.getRemoteSocketAddress(), e.toString());
            }
            close();
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            closeQuietly(client);
            open.remove(client);
            Socket socket = server;
            if (socket != null) {
                clientByLink.remove(link(socket.getLocalPort(), socket.getPort()));
                closeQuietly(socket);
                open.remove(socket);
            }
            slots.release();
        }
    }

    /** One relayed loopback connection: the relay's local port and the JDK server's port. */
    private static long link(int loopbackPort, int serverPort) {
        return ((long) serverPort << 16) | loopbackPort;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.trace("Closing {} failed: {}", closeable, e.toString());
        }
    }

    private static ThreadFactory daemon(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "menagerie-admin-unified-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
