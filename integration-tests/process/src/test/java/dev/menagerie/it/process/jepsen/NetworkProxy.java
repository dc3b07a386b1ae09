package dev.menagerie.it.process.jepsen;

import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 in front of every server's quorum and election port, one per ordered pair of servers:
 * server i's zoo.cfg lists server j at the ports of link i->j ({@link #routes()}). A link can be cut (its
 * connections closed, new ones closed as soon as they are accepted), held one way (bytes from one server to another
 * stop moving, whichever side opened the connection: TCP under one-way packet loss, which never loses bytes of a
 * live connection, it stalls it until a side's timeout closes it) and slowed (every chunk waits the latency).
 *
 * <p>The election protocol keeps one connection per pair, the one the higher id dials: when the lower id dials, the
 * higher one hangs up and dials back to the election address the lower one sent in its first message (Apache's
 * QuorumCnxManager, and Menagerie's ElectionPort). That address is the lower server's real port, which would bypass
 * the proxy, so the proxy rewrites it to its own port for the link back. A partition between two servers therefore
 * cuts both links, i->j and j->i.
 */
final class NetworkProxy implements AutoCloseable {

    private static final long ELECTION_PROTOCOL_V1 = -65536L;
    private static final long ELECTION_PROTOCOL_V2 = -65535L;
    private static final int MAX_ADDRESS_BYTES = 4096;
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final long UPSTREAM_PATIENCE_MS = 2_000;
    private static final long UPSTREAM_RETRY_MS = 50;
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final int QUEUED_CHUNKS = 256;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** An ordered pair of servers: connections {@code from} opens to {@code to}. */
    record Link(int from, int to) {
        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    private final EnsembleLayout layout;
    private final Map<Link, LinkState> links = new LinkedHashMap<>();
    private volatile boolean closed;

    private NetworkProxy(EnsembleLayout layout) {
        this.layout = layout;
    }

    /** Listens for every ordered pair of {@code layout}'s members. */
    static NetworkProxy start(EnsembleLayout layout) throws IOException {
        NetworkProxy proxy = new NetworkProxy(layout);
        try {
            for (EnsembleLayout.Member from : layout.members()) {
                for (EnsembleLayout.Member to : layout.members()) {
                    if (from.id() != to.id()) {
                        Link link = new Link(from.id(), to.id());
                        proxy.links.put(link, proxy.new LinkState(link, to));
                    }
                }
            }
            for (LinkState state : proxy.links.values()) {
                state.listen();
            }
        } catch (IOException | RuntimeException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    /** Where each server's zoo.cfg lists the others: this proxy's ports of the link from it to them. */
    EnsembleLayout.Routes routes() {
        return (from, to) -> {
            LinkState state = state(from, to.id());
            return new EnsembleLayout.Member(to.id(), to.observer(), to.clientPort(), state.quorum.port,
                    state.election.port, to.adminPort());
        };
    }

    /** Cuts {@code a} from {@code b} both ways: both links' connections close, new ones are refused. */
    void cut(int a, int b) {
        state(a, b).cut();
        state(b, a).cut();
    }

    /** Bytes {@code from} sends to {@code to} stop moving (held, not dropped), on the link either one opened. */
    void hold(int from, int to) {
        state(from, to).hold(true, true);
        state(to, from).hold(false, true);
    }

    /** Every chunk between {@code a} and {@code b}, either way, waits {@code latencyMs} more. */
    void delay(int a, int b, long latencyMs) {
        state(a, b).latencyMs = latencyMs;
        state(b, a).latencyMs = latencyMs;
    }

    /** Undoes every cut, hold and latency; held bytes move on (unless a server closed their connection). */
    void healAll() {
        for (LinkState state : links.values()) {
            state.heal();
        }
    }

    /** How many connections the proxy carries now, per link, for a failure message. */
    String describe() {
        StringBuilder text = new StringBuilder();
        links.forEach((link, state) -> text.append(link).append(':').append(state.connections.size()).append(' '));
        return text.toString().trim();
    }

    @Override
    public void close() {
        closed = true;
        for (LinkState state : links.values()) {
            state.close();
        }
    }

    private LinkState state(int from, int to) {
        LinkState state = links.get(new Link(from, to));
        if (state == null) {
            throw new IllegalArgumentException("no link " + from + "->" + to + " in " + links.keySet());
        }
        return state;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on the way out; nothing else to do
        }
    }

    /** One ordered link: its two listeners, its faults and its live connections. */
    private final class LinkState {

        private final Link link;
        private final EnsembleLayout.Member target;
        private final Listener quorum;
        private final Listener election;
        private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
        /** Guarded by this. */
        private boolean cut;
        /** Guarded by this: whether bytes from link.from to link.to, and back, are held. */
        private boolean holdForward;
        private boolean holdBackward;
        private volatile long latencyMs;

        LinkState(Link link, EnsembleLayout.Member target) throws IOException {
            this.link = link;
            this.target = target;
            this.quorum = new Listener(this, "quorum", target.quorumPort(), false);
            this.election = new Listener(this, "election", target.electionPort(), true);
        }

        void listen() {
            quorum.acceptInBackground();
            election.acceptInBackground();
        }

        void cut() {
            synchronized (this) {
                cut = true;
            }
            closeAll();
        }

        synchronized boolean isCut() {
            return cut;
        }

        synchronized void hold(boolean forward, boolean held) {
            if (forward) {
                holdForward = held;
            } else {
                holdBackward = held;
            }
            notifyAll();
        }

        synchronized void heal() {
            cut = false;
            holdForward = false;
            holdBackward = false;
            latencyMs = 0;
            notifyAll();
        }

        /** Waits while bytes going this way are held; false once the connection is closed meanwhile. */
        synchronized boolean awaitFlowing(boolean forward, Connection connection) throws InterruptedException {
            while ((forward ? holdForward : holdBackward) && !connection.isClosed()) {
                wait(100);
            }
            return !connection.isClosed();
        }

        /** The proxy's election address for the link back from our target to {@code sid}, for a dial-back. */
        String electionAddressBackTo(long sid) {
            LinkState back = links.get(new Link(target.id(), (int) sid));
            return back == null ? null : LOOPBACK.getHostAddress() + ":" + back.election.port;
        }

        void closeAll() {
            for (Connection connection : List.copyOf(connections)) {
                connection.close();
            }
        }

        void close() {
            closeQuietly(quorum.server);
            closeQuietly(election.server);
            closeAll();
        }
    }

    /** One listening port of a link, forwarding to the target's real port. */
    private final class Listener {

        private final LinkState state;
        private final String kind;
        private final int targetPort;
        private final boolean rewriteHandshake;
        private final ServerSocket server;
        private final int port;

        Listener(LinkState state, String kind, int targetPort, boolean rewriteHandshake) throws IOException {
            this.state = state;
            this.kind = kind;
            this.targetPort = targetPort;
            this.rewriteHandshake = rewriteHandshake;
            this.port = FreePorts.next();
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(LOOPBACK, port));
        }

        void acceptInBackground() {
            daemon("proxy-" + kind + "-" + state.link, () -> {
                while (!closed) {
                    Socket accepted;
                    try {
                        accepted = server.accept();
                    } catch (IOException e) {
                        return; // closed
                    }
                    if (state.isCut()) {
                        closeQuietly(accepted);
                        continue;
                    }
                    daemon("proxy-connect-" + kind + "-" + state.link, () -> connect(accepted));
                }
            });
        }

        /**
         * Connects to the target, retrying for up to {@link #UPSTREAM_PATIENCE_MS}: the proxy listens even when the
         * target does not (yet), and a learner that reaches a leader a moment before the leader listens must not see
         * its connection close, which it would take for a lost leader, where without the proxy it would retry a
         * refused connect. A target that stays down closes the connection.
         */
        private void connect(Socket accepted) {
            long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UPSTREAM_PATIENCE_MS);
            Socket upstream;
            while (true) {
                upstream = new Socket();
                try {
                    accepted.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    upstream.connect(new InetSocketAddress(LOOPBACK, targetPort), CONNECT_TIMEOUT_MS);
                    break;
                } catch (IOException e) {
                    closeQuietly(upstream);
                    if (closed || state.isCut() || System.nanoTime() - deadlineNs > 0 || !pauseBeforeRetry()) {
                        closeQuietly(accepted);
                        return;
                    }
                }
            }
            Connection connection = new Connection(state, accepted, upstream);
            state.connections.add(connection);
            if (state.isCut() || closed) { // cut while we connected
                connection.close();
                return;
            }
            connection.start(kind, rewriteHandshake);
        }

        private static boolean pauseBeforeRetry() {
            try {
                TimeUnit.MILLISECONDS.sleep(UPSTREAM_RETRY_MS); // a connect retry's back-off, not a test's wait
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * One proxied connection: a reader and a writer thread per direction, chunks in order through a queue. When one
     * side hangs up, what it sent before still arrives, then both close; a cut closes both at once.
     */
    private final class Connection {

        private final LinkState state;
        private final Socket client;
        private final Socket upstream;
        private final List<Thread> writers = new ArrayList<>();
        private volatile boolean closedFlag;

        Connection(LinkState state, Socket client, Socket upstream) {
            this.state = state;
            this.client = client;
            this.upstream = upstream;
        }

        boolean isClosed() {
            return closedFlag;
        }

        void start(String kind, boolean rewriteHandshake) {
            try {
                pump(kind + "-" + state.link, true, client.getInputStream(), upstream.getOutputStream(),
                        rewriteHandshake);
                pump(kind + "-" + state.link + "-back", false, upstream.getInputStream(), client.getOutputStream(),
                        false);
            } catch (IOException e) {
                close();
            }
        }

        private void pump(String name, boolean forward, InputStream in, OutputStream out, boolean rewriteHandshake) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(QUEUED_CHUNKS);
            Thread writer = daemon("proxy-write-" + name, () -> write(queue, out));
            synchronized (writers) {
                writers.add(writer);
            }
            daemon("proxy-read-" + name, () -> read(forward, in, queue, rewriteHandshake));
        }

        private void read(boolean forward, InputStream in, BlockingQueue<Chunk> queue, boolean rewriteHandshake) {
            long lastDueNs = 0;
            try {
                byte[] buffer = new byte[CHUNK_BYTES];
                byte[] first = rewriteHandshake ? rewrittenHandshake(new DataInputStream(in)) : null;
                while (!closedFlag) {
                    byte[] bytes;
                    if (first != null) {
                        bytes = first;
                        first = null;
                    } else {
                        int n = in.read(buffer);
                        if (n < 0) {
                            // A dialler may hang up right after its handshake; the other side still reads it.
                            queue.put(END_OF_STREAM);
                            return;
                        }
                        bytes = Arrays.copyOf(buffer, n);
                    }
                    if (!state.awaitFlowing(forward, this)) {
                        break;
                    }
                    // Never earlier than the chunk before: a latency that shrinks must not reorder the stream.
                    long dueNs = Math.max(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(state.latencyMs),
                            lastDueNs);
                    lastDueNs = dueNs;
                    queue.put(new Chunk(bytes, dueNs));
                }
            } catch (IOException e) {
                // the socket closed or broke: so does the connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }

        /**
         * The election handshake (protocol version, sid, address length, "host:port") with the address replaced by
         * this proxy's port for the link back, so a dial-back goes through the proxy too. Other first bytes pass.
         */
        private byte[] rewrittenHandshake(DataInputStream in) throws IOException {
            long version = in.readLong();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(version);
            if (version != ELECTION_PROTOCOL_V1 && version != ELECTION_PROTOCOL_V2) {
                return bytes.toByteArray(); // the pre-3.5 handshake: the sid alone
            }
            long sid = in.readLong();
            int length = in.readInt();
            if (length < 0 || length > MAX_ADDRESS_BYTES) {
                throw new IOException("election handshake with an address of " + length + " bytes");
            }
            byte[] address = new byte[length];
            in.readFully(address);
            String back = state.electionAddressBackTo(sid);
            byte[] sent = back == null ? address : back.getBytes(StandardCharsets.UTF_8);
            out.writeLong(sid);
            out.writeInt(sent.length);
            out.write(sent);
            return bytes.toByteArray();
        }

        private void write(BlockingQueue<Chunk> queue, OutputStream out) {
            try {
                while (!closedFlag) {
                    Chunk chunk = queue.take();
                    if (chunk == END_OF_STREAM) {
                        break;
                    }
                    long waitNs = chunk.dueNs() - System.nanoTime();
                    if (waitNs > 0) {
                        TimeUnit.NANOSECONDS.sleep(waitNs); // the link's latency, not a wait for a condition
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed: so does the connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }

        void close() {
            if (closedFlag) {
                return;
            }
            closedFlag = true;
            closeQuietly(client);
            closeQuietly(upstream);
            synchronized (writers) {
                writers.forEach(Thread::interrupt);
            }
            state.connections.remove(this);
            synchronized (state) {
                state.notifyAll(); // readers held on this connection see it closed
            }
        }
    }

    private record Chunk(byte[] bytes, long dueNs) {
    }

    /** Queued after a direction's last chunk when its sender hung up: the connection closes once it is written. */
    private static final Chunk END_OF_STREAM = new Chunk(new byte[0], 0);
}
