package dev.menagerie.election.fle.impl.net;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.election.fle.impl.wire.AnonymousObserverIds;
import dev.menagerie.election.fle.impl.wire.Handshake;
import dev.menagerie.election.fle.impl.wire.HandshakeCodec;
import dev.menagerie.election.fle.impl.wire.MalformedMessageException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import javax.net.ssl.SSLException;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election port of one peer, behaving as Apache's QuorumCnxManager: it listens on our election address, dials
 * a peer when it has something for it, and keeps one connection per peer. Of the connections two peers may open to
 * each other only the one dialled by the higher id survives: a dialler with the lower id hangs up after its
 * handshake, and a listener that hears from a lower id hangs up and dials back. Threads: one listener, one per
 * dial or accepted handshake while it lasts, and a sender and a receiver per live connection. Connections are
 * dialled and accepted through {@link PeerSockets}: plaintext, or TLS with {@code sslQuorum}; then, after the
 * handshake message as in Apache, authenticated through {@link PeerAuthenticator} (quorum SASL), the dialler as
 * learner and the listener as server, before either side decides which connection survives.
 */
public final class ElectionPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElectionPort.class);
    /** How often the listener retries an address it cannot bind yet (a name that does not resolve yet). */
    private static final long REBIND_INTERVAL_MS = 1000;
    /** Accepted sockets still in their handshake beyond this count are refused at once. */
    private static final int MAX_HANDSHAKING = 64;
    private static final long CLOSE_JOIN_MS = 3000;

    private final long myId;
    private final HostPort myAddress;
    private final LongFunction<HostPort> directory;
    private final int cnxTimeoutMs;
    private final MessageSink sink;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final ThreadSet threads = new ThreadSet();
    private final Map<Long, SendSlot> slots = new ConcurrentHashMap<>();
    private final Map<Long, PeerConnection> connections = new ConcurrentHashMap<>();
    /** Dials in flight, each with a token so that a finished dial never clears the mark of a newer one. */
    private final Map<Long, Object> dialing = new HashMap<>();
    /** Guards the decisions to dial, to install a connection and to drop a stale one, so none is missed. */
    private final Object lock = new Object();
    private final Set<Socket> handshaking = ConcurrentHashMap.newKeySet();
    private final AnonymousObserverIds observerIds = new AnonymousObserverIds();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile ServerSocket server;
    private volatile boolean closed;

    /**
     * @param directory the configured election address of a server id, or null for an id we do not know
     * @param cnxTimeoutMs how long a dial may take (Apache's {@code cnxTimeout}); also bounds a handshake read
     */
    public ElectionPort(long myId, HostPort myAddress, LongFunction<HostPort> directory, int cnxTimeoutMs,
            MessageSink sink, PeerSockets sockets, PeerAuthenticator authenticator) {
        this.myId = myId;
        this.myAddress = myAddress;
        this.directory = directory;
        this.cnxTimeoutMs = cnxTimeoutMs;
        this.sink = sink;
        this.sockets = sockets;
        this.authenticator = authenticator;
    }

    /**
     * Binds the election address and starts listening. A host name that does not resolve yet is retried in the
     * background; an address that resolves but cannot be bound (port in use) fails here.
     */
    public void open() throws IOException {
        InetSocketAddress address = myAddress.resolve();
        if (address.isUnresolved()) {
            LOG.warn("Cannot resolve our election address {} yet; retrying every {} ms", myAddress,
                    REBIND_INTERVAL_MS);
        } else {
            server = bind(address);
        }
        threads.start("fle-listen-" + myId, this::listen);
    }

    /** The bound port, or -1 while not bound. */
    public int localPort() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Queues {@code payload} for server {@code sid}, replacing an unsent older message, and dials it if needed. */
    public void send(long sid, byte[] payload) {
        if (closed) {
            return;
        }
        slot(sid).offer(payload);
        connectOne(sid, null);
    }

    /** The peers we have a live connection with, each mapped to true when we dialled it. */
    public Map<Long, Boolean> connections() {
        Map<Long, Boolean> view = new HashMap<>();
        connections.forEach((sid, c) -> view.put(sid, c.outbound()));
        return view;
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        Sockets.closeQuietly(server);
        connections.values().forEach(PeerConnection::close);
        handshaking.forEach(Sockets::closeQuietly);
        try {
            if (!threads.stop(CLOSE_JOIN_MS)) {
                LOG.warn("{} election threads of server {} still running after {} ms", threads.size(), myId,
                        CLOSE_JOIN_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removed(PeerConnection connection) {
        synchronized (lock) {
            connections.remove(connection.sid(), connection);
        }
    }

    private SendSlot slot(long sid) {
        return slots.computeIfAbsent(sid, id -> new SendSlot());
    }

    private static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(address);
            return s;
        } catch (IOException e) {
            Sockets.closeQuietly(s);
            throw new IOException("cannot listen for elections on " + address + ": " + e.getMessage(), e);
        }
    }

    private void listen() {
        while (!closed) {
            ServerSocket s = server;
            if (s == null || s.isClosed()) {
                rebind();
                continue;
            }
            try {
                accepted(s.accept());
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Election listener of server {} failed: {}; binding again", myId, e.toString());
                    Sockets.closeQuietly(s);
                }
            }
        }
    }

    private void rebind() {
        try {
            if (closing.await(REBIND_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        InetSocketAddress address = myAddress.resolve();
        if (address.isUnresolved()) {
            LOG.info("Election address {} still does not resolve; retrying", myAddress);
            return;
        }
        try {
            server = bind(address);
            if (closed) {
                Sockets.closeQuietly(server);
            }
        } catch (IOException e) {
            LOG.warn("{}; retrying", e.getMessage());
        }
    }

    private void accepted(Socket socket) {
        if (closed || handshaking.size() >= MAX_HANDSHAKING) {
            Sockets.closeQuietly(socket);
            return;
        }
        handshaking.add(socket);
        threads.start("fle-accept-" + socket.getPort(), () -> handleInbound(socket));
    }

    private void handleInbound(Socket accepted) {
        Socket socket = accepted;
        try {
            accepted.setTcpNoDelay(true);
            accepted.setSoTimeout(cnxTimeoutMs);
            PeerSockets.Accepted taken = sockets.accepted(accepted);
            socket = taken.socket();
            DataInputStream in = new DataInputStream(new BufferedInputStream(taken.in()));
            Handshake handshake = HandshakeReader.read(in);
            authenticator.asServer(socket, in);
            long sid = handshake.fromAnonymousObserver() ? nextObserverId() : handshake.sid();
            if (sid < myId) {
                // We win the challenge: drop theirs, and any connection we think we still have, and dial back.
                Sockets.closeQuietly(socket);
                PeerConnection stale;
                synchronized (lock) {
                    stale = connections.get(sid);
                }
                if (stale != null) {
                    stale.close(); // removes itself from the map before we decide to dial below
                }
                HostPort hint = handshake.electionAddresses().isEmpty() ? null : handshake.electionAddresses().get(0);
                connectOne(sid, hint);
            } else if (sid == myId) {
                LOG.warn("Server {} got an election connection from a server with its own id; check the"
                        + " configuration", myId);
                Sockets.closeQuietly(socket);
            } else {
                socket.setSoTimeout(0);
                install(sid, socket, in, null);
            }
        } catch (MalformedMessageException | SSLException | SaslException e) {
            LOG.warn("Refused election connection from {}: {}", accepted.getRemoteSocketAddress(), e.getMessage());
            Sockets.closeQuietly(socket);
            Sockets.closeQuietly(accepted);
        } catch (IOException e) {
            if (!closed) {
                LOG.info("Election connection from {} failed during its handshake: {}",
                        socket.getRemoteSocketAddress(), e.toString());
            }
            Sockets.closeQuietly(socket);
            Sockets.closeQuietly(accepted);
        } finally {
            handshaking.remove(accepted);
        }
    }

    private synchronized long nextObserverId() {
        return observerIds.next();
    }

    private void connectOne(long sid, HostPort hint) {
        HostPort address = hint != null ? hint : directory.apply(sid);
        if (address == null) {
            LOG.warn("Server {} has no election address for server {}", myId, sid);
            return;
        }
        Object token = new Object();
        synchronized (lock) {
            if (closed || connections.containsKey(sid) || dialing.containsKey(sid)) {
                return;
            }
            dialing.put(sid, token);
        }
        threads.start("fle-dial-" + sid, () -> {
            try {
                dial(sid, address, token);
            } finally {
                endDial(sid, token);
            }
        });
    }

    private void endDial(long sid, Object token) {
        synchronized (lock) {
            dialing.remove(sid, token);
        }
    }

    private void dial(long sid, HostPort address, Object token) {
        // Resolved now, not at configuration time: a peer's name may only start to resolve once it runs.
        InetSocketAddress target = address.resolve();
        if (target.isUnresolved()) {
            LOG.warn("Cannot resolve election address {} of server {} yet; will retry with the next message",
                    address, sid);
            return;
        }
        Socket connected = new Socket();
        handshaking.add(connected);
        Socket socket = connected;
        try {
            if (closed) {
                return;
            }
            connected.setTcpNoDelay(true);
            connected.connect(target, cnxTimeoutMs);
            connected.setSoTimeout(cnxTimeoutMs);
            socket = sockets.dialled(connected);
            OutputStream out = socket.getOutputStream();
            out.write(HandshakeCodec.encode(myId, myAddress));
            out.flush();
            authenticator.asLearner(socket, address.host());
            socket.setSoTimeout(0);
            if (sid > myId) {
                LOG.debug("Server {} has the lower id; leaving the connection to server {}", myId, sid);
                Sockets.closeQuietly(socket);
                return;
            }
            install(sid, socket, new DataInputStream(new BufferedInputStream(socket.getInputStream())), token);
        } catch (SaslException e) {
            if (!closed) {
                LOG.warn("Quorum SASL with server {} at {} failed: {}", sid, address, e.getMessage());
            }
            Sockets.closeQuietly(socket);
            Sockets.closeQuietly(connected);
        } catch (IOException e) {
            if (!closed) {
                LOG.info("Cannot open election connection to server {} at {}: {}", sid, address,
                        e instanceof SSLException ? e.getMessage() : e.toString());
            }
            Sockets.closeQuietly(socket);
            Sockets.closeQuietly(connected);
        } finally {
            handshaking.remove(connected);
            if (closed) {
                Sockets.closeQuietly(socket);
            }
        }
    }

    /** Makes {@code socket} the connection to {@code sid}; {@code dialToken} is our dial's, null for an accept. */
    private void install(long sid, Socket socket, DataInputStream in, Object dialToken) {
        PeerConnection connection = new PeerConnection(sid, socket, in, dialToken != null, slot(sid), sink, threads,
                this::removed);
        PeerConnection old;
        synchronized (lock) {
            old = connections.put(sid, connection);
            if (dialToken != null) {
                dialing.remove(sid, dialToken); // atomically with the put: connectOne never sees neither
            }
        }
        if (old != null) {
            old.close();
        }
        if (closed) {
            connection.close();
            return;
        }
        connection.start();
    }
}
