package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A peer's leader role, as LeaderRunner composes it but without threads or sockets: the production {@link
 * LeaderEffects} and {@link LeaderCore}, with the simulated connections as the socket seam, the peer's {@link
 * SimReplica} as the disk seam and a {@link SimLoop} as the clock. What remains here is what LeaderRunner's
 * acceptor and reader threads do: keep one connection per learner and hand their packets on.
 */
final class SimLeader {

    final SimPeer peer;
    private final SimWorld world;
    private final SimLoop loop;
    private final LeaderEffects effects;
    private final Map<Long, SimConnection> links = new HashMap<>();

    SimLeader(SimPeer peer) {
        this.peer = peer;
        this.world = peer.world;
        LeaderCore core;
        try {
            core = LeaderEffects.newCore(peer.id, peer.ensemble.verifier, peer.replica);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.loop = new SimLoop(world, EventLoop.tickMs(peer.replica), this::tick,
                reason -> peer.endRole("leader gives up: " + reason));
        this.effects = new LeaderEffects(peer.id, core, peer.replica, new Links(), loop,
                new RecordedMetrics().metrics());
    }

    void start() {
        loop.start();
        effects.start();
    }

    /** The peer ended the role: every learner's connection is closed, waiting writes fail. */
    void stop() {
        loop.stop();
        effects.shutdown();
        for (SimConnection link : links.values()) {
            world.close(link);
        }
        links.clear();
    }

    boolean serving() {
        return effects.isServing();
    }

    /** An operator asks this leader to hand its leadership to {@code targetSid}, as LeaderRunner.transfer does. */
    void transfer(long targetSid) {
        loop.post(() -> effects.transferTo(new TransferRequest(targetSid)));
    }

    /** Accepting connections: a learner may connect while this role runs. */
    boolean listening() {
        return !loop.finished();
    }

    /** A packet from a learner, as LeaderRunner's reader thread hands it on. */
    void receive(SimConnection connection, SimConnection.Packet packet) {
        if (loop.finished()) {
            return;
        }
        long sid = connection.learnerId();
        if (packet.packet().type() == ZabPacketType.REQUEST.code()) {
            try {
                effects.requestFromLearner(sid, packet.packet());
            } catch (IOException e) {
                world.fail("learner " + sid + " sent a malformed request: " + e.getMessage());
            }
            return;
        }
        LearnerRegistration.Info info = LearnerRegistration.readInfo(packet.packet());
        if (info == null) {
            effects.receive(sid, packet.packet());
            return;
        }
        world.check(info.sid() == sid, "learner " + sid + " registers as " + info.sid());
        SimConnection previous = links.put(sid, connection);
        boolean replaced = previous != null && previous != connection;
        if (replaced) {
            world.close(previous);
        }
        effects.learnerConnected(info, replaced);
    }

    /** The connection reset: the learner is gone, unless it already reconnected on another one. */
    void connectionLost(SimConnection connection) {
        long sid = connection.learnerId();
        if (!loop.finished() && links.get(sid) == connection) {
            links.remove(sid);
            effects.learnerLost(sid);
        }
    }

    private void tick() {
        effects.tick();
    }

    /** The socket seam over simulated connections; a snapshot travels with its SNAP packet. */
    private final class Links implements LearnerLinks {

        @Override
        public void send(long sid, QuorumPacket packet) {
            SimConnection link = links.get(sid);
            if (link != null) {
                world.sendToLearner(link, new SimConnection.Packet(packet, null));
            }
        }

        @Override
        public void sendSnapshot(long sid, long zxid) {
            world.check(zxid <= peer.lastZxid(), "leader " + peer.id + " snapshots as of 0x"
                    + Long.toHexString(zxid) + " but its tree ends at 0x" + Long.toHexString(peer.lastZxid()));
            SimConnection link = links.get(sid);
            if (link == null) {
                return;
            }
            world.snapshotsSent++;
            ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
            try {
                peer.replica.writeSnapshot(snapshot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            QuorumPacket snap = new QuorumPacket(ZabPacketType.SNAP.code(), zxid, null, null);
            world.sendToLearner(link, new SimConnection.Packet(snap, snapshot.toByteArray()));
        }

        @Override
        public void close(long sid) {
            SimConnection link = links.remove(sid);
            if (link != null) {
                world.note("leader " + peer.id + " drops learner " + sid);
                world.close(link);
            }
        }
    }
}
