package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads one epoch: owns the quorum port, one reader thread and one {@link PacketSender} per learner, and the
 * {@link RoleLoop} thread; learners' packets and ticks go to the {@link LeaderEffects} on that thread, which feeds the
 * {@link LeaderCore} and carries out its outputs (the simulation drives the same effects over in-memory seams).
 * Ends when the core gives up (no quorum) or the peer stops it.
 */
public final class LeaderRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderRunner.class);

    private final Replica replica;
    private final HostPort quorumAddress;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final RoleLoop loop;
    private final LeaderEffects effects;
    private final ZabMetrics metrics;
    private final Map<Long, LearnerLink> links = new ConcurrentHashMap<>();
    private final int initLimitMs;
    private ServerSocket listener;
    private volatile TransferRequest lastTransfer;

    public LeaderRunner(long myId, QuorumVerifier verifier, Replica replica, HostPort quorumAddress,
            PeerSockets sockets, PeerAuthenticator authenticator, ZabMetrics metrics) throws IOException {
        this.replica = replica;
        this.quorumAddress = quorumAddress;
        this.sockets = sockets;
        this.authenticator = authenticator;
        this.initLimitMs = replica.config().tickTimeMs() * replica.config().initLimitTicks();
        LeaderCore core = LeaderEffects.newCore(myId, verifier, replica);
        this.loop = new RoleLoop(EventLoop.tickMs(replica), this::tick);
        this.effects = new LeaderEffects(myId, core, replica, new SocketLinks(), loop, metrics);
        this.metrics = metrics;
    }

    /** Leads until the leadership ends; returns why it ended. */
    public String run() throws IOException, InterruptedException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(quorumAddress.host(), quorumAddress.port()));
        Thread acceptor = new Thread(this::acceptLearners, "menagerie-leader-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Leading: waiting for followers on {}", quorumAddress);
        try {
            loop.post(effects::start);
            return loop.run();
        } finally {
            shutdown();
        }
    }

    /** Ends the leadership from another thread. */
    public void stop(String reason) {
        loop.finish(reason);
    }

    public boolean isServing() {
        return effects.isServing();
    }

    /** Apache's leader metrics for {@code mntr}, in its order. */
    public Map<String, Object> monitorValues() {
        return effects.monitorValues();
    }

    /** The learners whose connection is open, by server id: Apache's LearnerHandlers, in order of id. */
    public List<LearnerConnection> learnerConnections() {
        return links.values().stream().filter(link -> !link.closed)
                .map(link -> new LearnerConnection(link.sid, link.channel.remoteAddress()))
                .sorted(Comparator.comparingLong(LearnerConnection::sid)).toList();
    }

    /**
     * Drops one learner's connection on demand, as Apache's LearnerHandler shutdown: its reader sees the socket
     * close and reports the learner lost, and the learner reconnects and syncs again. Any thread.
     *
     * @return false when no learner of that id is connected
     */
    public boolean dropLearner(long sid) {
        LearnerLink link = links.get(sid);
        if (link == null || link.closed) {
            return false;
        }
        LOG.info("Dropping learner {} ({}) on demand; it will sync again when it reconnects", sid,
                link.channel.remote());
        link.close();
        return true;
    }

    /**
     * Asks this leader to move its leadership to {@code request}'s target (see {@link LeaderCore#transferTo}); any
     * thread. The request is refused when the leadership ends first.
     */
    public void transfer(TransferRequest request) {
        lastTransfer = request;
        if (loop.finished()) {
            request.refuse("the leadership ended");
            return;
        }
        loop.post(() -> effects.transferTo(request));
    }

    /** After {@link #run} returned: the transfer this leader stepped down for, or null. */
    public TransferRequest steppedDownFor() {
        return effects.steppedDownFor();
    }

    /** The epoch being led once a quorum is in sync, else -1. */
    public long servingEpoch() {
        return effects.servingEpoch();
    }

    private void tick() {
        effects.tick();
    }

    private void shutdown() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing
        }
        links.values().forEach(LearnerLink::close);
        links.clear();
        effects.shutdown();
        TransferRequest transfer = lastTransfer;
        if (transfer != null && transfer != effects.steppedDownFor()) {
            transfer.refuse("the leadership ended before the handover"); // no effect once answered
        }
    }

    /** The socket seam: each learner's connection, written by its {@link PacketSender}. */
    private final class SocketLinks implements LearnerLinks {

        @Override
        public void send(long sid, QuorumPacket packet) {
            LearnerLink link = links.get(sid);
            if (link != null) {
                link.sender.send(packet);
            }
        }

        @Override
        public void sendSnapshot(long sid, long zxid) {
            LearnerLink link = links.get(sid);
            if (link != null) {
                link.sender.send(new QuorumPacket(ZabPacketType.SNAP.code(), zxid, null, null));
                link.sender.enqueue(channel -> channel.writeStream(replica::writeSnapshot,
                        PacketChannel.SNAPSHOT_SIGNATURE));
            }
        }

        @Override
        public void close(long sid) {
            LearnerLink link = links.remove(sid);
            if (link != null) {
                link.close();
            }
        }
    }

    // ---- learner connections ----

    private void acceptLearners() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread reader = new Thread(() -> serveLearner(socket), "menagerie-learner-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("Accepting a learner failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serveLearner(Socket accepted) {
        LearnerLink link = null;
        try {
            accepted.setSoTimeout(initLimitMs);
            PeerSockets.Accepted taken;
            InputStream in;
            try {
                taken = sockets.accepted(accepted);
                in = new BufferedInputStream(taken.in());
                authenticator.asServer(taken.socket(), in);
            } catch (SSLException | SaslException e) {
                LOG.warn("Refused quorum connection from {}: {}", accepted.getRemoteSocketAddress(), e.getMessage());
                accepted.close();
                return;
            }
            PacketChannel channel = new PacketChannel(taken.socket(), in);
            channel.setReadTimeoutMs(initLimitMs);
            LearnerRegistration.Info info = LearnerRegistration.readInfo(channel.read());
            if (info == null) {
                LOG.warn("A connection from {} did not start with FOLLOWERINFO or OBSERVERINFO", channel.remote());
                channel.close();
                return;
            }
            long sid = info.sid();
            LearnerLink newLink = new LearnerLink(sid, channel);
            link = newLink;
            LOG.info("{} {} connected from {}", info.role() == LearnerRole.FOLLOWER ? "Follower" : "Observer", sid,
                    channel.remote());
            loop.post(() -> {
                LearnerLink previous = links.put(sid, newLink);
                if (previous != null) {
                    previous.close();
                }
                newLink.sender.start();
                effects.learnerConnected(info, previous != null);
            });
            readFrom(newLink, channel);
        } catch (IOException e) {
            if (link != null && !loop.finished()) {
                LOG.info("Learner {} disconnected: {}", link.sid, e.getMessage());
            }
        } finally {
            if (link != null) {
                LearnerLink gone = link;
                gone.close();
                loop.post(() -> {
                    if (links.remove(gone.sid, gone)) {
                        effects.learnerLost(gone.sid);
                    }
                });
            }
        }
    }

    /** Reads one learner's packets: what the core needs goes to the loop, the rest is served on this thread. */
    private void readFrom(LearnerLink link, PacketChannel channel) throws IOException {
        long sid = link.sid;
        while (!link.closed) {
            QuorumPacket packet = channel.read();
            int type = packet.type();
            if (type == ZabPacketType.ACK.code() || type == ZabPacketType.ACKEPOCH.code()) {
                loop.post(() -> effects.receive(sid, packet));
                // Only NEWLEADER and UPTODATE are acked with an epoch-start zxid; from then on syncLimit applies.
                // (Decided from the packet: the core belongs to the loop thread.)
                if (type == ZabPacketType.ACK.code() && Zxids.isEpochStart(packet.zxid())) {
                    channel.setReadTimeoutMs(syncLimitMs());
                }
            } else if (type == ZabPacketType.PING.code()) {
                Map<Long, Integer> sessions = PingSessions.read(packet.data());
                loop.post(() -> effects.receive(sid, packet));
                if (effects.isServing() && !sessions.isEmpty()) {
                    replica.touchSessions(sessions);
                }
            } else if (type == ZabPacketType.REQUEST.code()) {
                effects.requestFromLearner(sid, packet);
            } else if (type == ZabPacketType.REVALIDATE.code()) {
                loop.post(() -> effects.receive(sid, packet));
                link.sender.send(revalidated(packet.data()));
            }
        }
    }

    /**
     * The answer to a learner's REVALIDATE ({@code long sessionId, int timeoutMs}): {@code long sessionId, boolean
     * valid}, as Apache's leader writes it; Apache learners hold the reconnecting client until it comes.
     */
    private QuorumPacket revalidated(byte[] data) throws IOException {
        if (data == null || data.length < 12) {
            throw new IOException("a REVALIDATE without session id and timeout");
        }
        ByteBuffer request = ByteBuffer.wrap(data);
        long sessionId = request.getLong();
        int timeoutMs = request.getInt();
        boolean valid = effects.isServing() && replica.revalidateSession(sessionId, timeoutMs);
        byte[] answer = ByteBuffer.allocate(9).putLong(sessionId).put((byte) (valid ? 1 : 0)).array();
        return new QuorumPacket(ZabPacketType.REVALIDATE.code(), -1, answer, null);
    }

    private int syncLimitMs() {
        return replica.config().tickTimeMs() * replica.config().syncLimitTicks();
    }

    private final class LearnerLink {
        final long sid;
        final PacketChannel channel;
        final PacketSender sender;
        volatile boolean closed;

        LearnerLink(long sid, PacketChannel channel) {
            this.sid = sid;
            this.channel = channel;
            this.sender = new PacketSender(channel, "menagerie-leader-send-" + sid, e -> {
                LOG.warn("Dropping learner {}: {}; it will sync again when it reconnects", sid, e.getMessage());
                close();
            }, metrics.learnerQueue(sid));
        }

        void close() {
            boolean first = !closed;
            closed = true;
            sender.stop();
            if (first) {
                metrics.closeTimed(channel);
            } else {
                channel.close();
            }
        }
    }
}
