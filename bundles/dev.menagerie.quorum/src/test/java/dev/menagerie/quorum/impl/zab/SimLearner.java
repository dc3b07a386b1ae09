package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A peer's follower or observer role, as LearnerRunner composes it but without threads or sockets: connect to the
 * elected leader (retrying until initLimit), then the production {@link LearnerEffects} and {@link FollowerCore}
 * (discovery included), with the simulated connection as the socket seam, the peer's {@link SimReplica} as the disk
 * seam and a {@link SimLoop} as the clock. As LearnerRunner's reader thread, it loads a snapshot off the
 * connection before handing on its SNAP packet.
 */
final class SimLearner {

    private static final long CONNECT_RETRY_MS = 500;

    final SimPeer peer;
    final long leaderId;
    private final LearnerRole role;
    private final SimWorld world;
    private final long startedMs;
    private SimConnection connection;
    private SimLoop loop;
    private LearnerEffects effects;
    private boolean active = true;

    SimLearner(SimPeer peer, long leaderId, LearnerRole role) {
        this.peer = peer;
        this.leaderId = leaderId;
        this.role = role;
        this.world = peer.world;
        this.startedMs = world.now();
    }

    /** The open connection to the leader, if any: a fault may break it. */
    SimConnection connection() {
        return connection != null && connection.open ? connection : null;
    }

    boolean serving() {
        return effects != null && effects.isServing();
    }

    long leaderEpoch() {
        return effects == null ? -1 : effects.servingEpoch();
    }

    void start() {
        connect();
    }

    /** The peer ended the role: the connection closes, waiting syncs fail. */
    void stop() {
        active = false;
        if (loop != null) {
            loop.stop();
            effects.shutdown();
        }
        if (connection != null) {
            world.close(connection);
        }
    }

    private void connect() {
        if (!active) {
            return;
        }
        SimLeader leader = peer.ensemble.listeningLeader(leaderId, peer.id);
        if (leader == null) {
            if (world.now() + CONNECT_RETRY_MS < startedMs + SimEnsemble.INIT_LIMIT_MS) {
                world.at(world.now() + CONNECT_RETRY_MS, this::connect);
            } else {
                peer.endRole("could not connect to leader " + leaderId);
            }
            return;
        }
        connection = new SimConnection(leader, this);
        FollowerCore core;
        try {
            core = LearnerEffects.newCore(peer.id, role, peer.replica);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new SimLoop(world, EventLoop.tickMs(peer.replica), this::tick,
                reason -> peer.endRole("leader lost: " + reason));
        effects = new LearnerEffects(core, leaderId, peer.replica, this::sendToLeader, loop,
                new RecordedMetrics().metrics());
        loop.start();
        effects.start();
    }

    void receive(SimConnection from, SimConnection.Packet packet) {
        if (!active || from != connection || loop.finished()) {
            return;
        }
        QuorumPacket received = packet.packet();
        if (received.type() == ZabPacketType.SNAP.code()) {
            try {
                peer.replica.loadSnapshot(new ByteArrayInputStream(packet.snapshot()), received.zxid());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        effects.receive(received);
    }

    /** The connection reset: the learner goes back to election. */
    void connectionLost(SimConnection lost) {
        if (active && lost == connection) {
            peer.endRole("connection to leader " + leaderId + " lost");
        }
    }

    private void tick() {
        effects.tick();
    }

    private void sendToLeader(QuorumPacket packet) {
        world.sendToLeader(connection, new SimConnection.Packet(packet, null));
    }
}
