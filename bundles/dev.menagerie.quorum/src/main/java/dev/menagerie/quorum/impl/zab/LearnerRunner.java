package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows or observes one leader: owns the connection to its quorum port, the reader thread, the {@link
 * PacketSender} and the {@link RoleLoop} thread; the leader's packets and ticks go to the {@link LearnerEffects} on
 * that thread, which feeds the {@link FollowerCore} (discovery, sync, broadcast) and carries out its outputs (the
 * simulation drives the same effects over in-memory seams). Ends when the core loses the leader or the peer stops it.
 */
public final class LearnerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerRunner.class);
    /**
     * The leader opens its quorum port only after its own election finishes, often a few milliseconds after ours:
     * retry soon, then back off.
     */
    private static final long FIRST_CONNECT_RETRY_MS = 10;
    private static final long MAX_CONNECT_RETRY_MS = 500;

    private final Replica replica;
    private final HostPort leaderAddress;
    private final long leaderId;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final RoleLoop loop;
    private final LearnerEffects effects;
    private final ZabMetrics metrics;
    private volatile PacketChannel channel;
    private volatile PacketSender sender;

    public LearnerRunner(long myId, boolean observer, Replica replica, long leaderId, HostPort leaderAddress,
            PeerSockets sockets, PeerAuthenticator authenticator, ZabMetrics metrics) throws IOException {
        this.sockets = sockets;
        this.authenticator = authenticator;
        this.replica = replica;
        this.leaderId = leaderId;
        this.leaderAddress = leaderAddress;
        FollowerCore core = LearnerEffects.newCore(myId, observer ? LearnerRole.OBSERVER : LearnerRole.FOLLOWER,
                replica);
        this.loop = new RoleLoop(EventLoop.tickMs(replica), this::tick);
        this.effects = new LearnerEffects(core, leaderId, replica, this::sendToLeader, loop, metrics);
        this.metrics = metrics;
    }

    /** Follows until the leader is lost; returns why it ended. */
    public String run() throws InterruptedException {
        try {
            PacketChannel connected = connect();
            if (connected == null) {
                return "could not connect to leader " + leaderId + " at " + leaderAddress;
            }
            channel = connected;
            sender = new PacketSender(connected, "menagerie-learner-send", e -> loop.finish(
                    "writing to the leader failed: " + e.getMessage()), PacketSender.QueueWatcher.NONE);
            sender.start();
            Thread reader = new Thread(this::readLeader, "menagerie-learner-read");
            reader.setDaemon(true);
            reader.start();
            loop.post(effects::start);
            return loop.run();
        } finally {
            shutdown();
        }
    }

    public void stop(String reason) {
        loop.finish(reason);
    }

    public boolean isServing() {
        return effects.isServing();
    }

    /** The leader's epoch once in sync with it (UPTODATE came), else -1. */
    public long servingEpoch() {
        return effects.servingEpoch();
    }

    private void tick() {
        effects.tick();
    }

    /** The socket seam: packets to the leader go through the sender, once connected. */
    private void sendToLeader(QuorumPacket packet) {
        PacketSender out = sender;
        if (out != null) {
            out.send(packet);
        }
    }

    // ---- connection and registration (on the peer's thread) ----

    private PacketChannel connect() throws InterruptedException {
        int initLimitMs = replica.config().tickTimeMs() * replica.config().initLimitTicks();
        long deadline = System.nanoTime() + initLimitMs * 1_000_000L;
        IOException last = null;
        long retryMs = FIRST_CONNECT_RETRY_MS;
        while (!loop.finished() && System.nanoTime() < deadline) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(leaderAddress.host(), leaderAddress.port()),
                        Math.max(1000, replica.config().tickTimeMs() * replica.config().syncLimitTicks()));
                socket.setSoTimeout(initLimitMs);
                Socket dialled = sockets.dialled(socket);
                authenticator.asLearner(dialled, leaderAddress.host());
                PacketChannel connected = new PacketChannel(dialled);
                connected.setReadTimeoutMs(initLimitMs);
                return connected;
            } catch (SaslException e) {
                // As Apache's learner: a failed authentication is not retried; the peer goes back to electing.
                LOG.warn("Quorum SASL with leader {} at {} failed: {}", leaderId, leaderAddress, e.getMessage());
                closeQuietly(socket);
                return null;
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
                Thread.sleep(retryMs);
                retryMs = Math.min(MAX_CONNECT_RETRY_MS, retryMs * 2);
            }
        }
        if (last != null) {
            LOG.info("Could not connect to leader {} at {}: {}", leaderId, leaderAddress, last.getMessage());
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // never opened, or already closed
        }
    }

    // ---- the reader thread ----

    private void readLeader() {
        PacketChannel in = channel;
        try {
            while (!loop.finished()) {
                QuorumPacket packet = in.read();
                if (packet.type() == ZabPacketType.SNAP.code()) {
                    receiveSnapshot(in, packet.zxid());
                } else if (packet.type() == ZabPacketType.UPTODATE.code()) {
                    in.setReadTimeoutMs(replica.config().tickTimeMs() * replica.config().syncLimitTicks());
                }
                loop.post(() -> effects.receive(packet));
            }
        } catch (IOException e) {
            loop.finish("connection to leader " + leaderId + " lost: " + e);
        }
    }

    /** The snapshot follows SNAP on the stream, so it is read here, before any later packet. */
    private void receiveSnapshot(PacketChannel in, long zxid) throws IOException {
        LOG.info("Loading a snapshot as of 0x{} from the leader", Long.toHexString(zxid));
        long started = System.nanoTime();
        replica.loadSnapshot(in.input(), zxid);
        String signature = in.readString();
        if (!PacketChannel.SNAPSHOT_SIGNATURE.equals(signature)) {
            throw new IOException("the snapshot from the leader ends with \"" + signature + "\", not "
                    + PacketChannel.SNAPSHOT_SIGNATURE);
        }
        LOG.info("Snapshot 0x{} loaded in {} ms", Long.toHexString(zxid), (System.nanoTime() - started) / 1_000_000);
    }

    private void shutdown() {
        PacketSender out = sender;
        if (out != null) {
            out.stop();
        }
        PacketChannel open = channel;
        if (open != null) {
            metrics.closeTimed(open);
        }
        effects.shutdown();
    }
}
