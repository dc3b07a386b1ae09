package dev.menagerie.quorum.impl.zab;

import java.util.ArrayList;
import java.util.List;

/**
 * A peer's follower or observer role, driven as LearnerRunner drives it: connect to the elected leader (retrying
 * until initLimit), register (FOLLOWERINFO, LEADERINFO, ACKEPOCH within initLimit), then feed the leader's packets,
 * completed log writes and ticks to a {@link FollowerCore} and carry out its outputs.
 */
final class SimLearner {

    private static final long CONNECT_RETRY_MS = 500;

    final SimPeer peer;
    final long leaderId;
    private final LearnerRole role;
    private final SimWorld world;
    private final long startedMs;
    private SimConnection connection;
    private FollowerCore core;
    private List<SimDisk.Txn> receivedSnapshot;
    private long leaderEpoch = -1;
    boolean active = true;
    boolean serving;

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

    void start() {
        connect();
    }

    void stop() {
        active = false;
        serving = false;
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
        core = new FollowerCore(peer.id, role, 2 * SimEnsemble.INIT_LIMIT_TICKS, 2 * SimEnsemble.SYNC_LIMIT_TICKS,
                peer.disk.acceptedEpoch, peer.disk.currentEpoch, peer.lastZxid());
        carryOut(core.start());
        scheduleTick();
    }

    void receive(SimConnection from, SimConnection.Packet packet) {
        if (!active || from != connection) {
            return;
        }
        if (packet.type() == ZabPacketType.SNAP) {
            receivedSnapshot = packet.snapshot();
        }
        carryOut(core.receive(packet.type(), packet.zxid(), packet.payload()));
    }

    /** The connection reset: the learner goes back to election. */
    void connectionLost(SimConnection lost) {
        if (active && lost == connection) {
            peer.endRole("connection to leader " + leaderId + " lost");
        }
    }

    private void scheduleTick() {
        world.at(world.now() + SimEnsemble.CORE_TICK_MS, () -> {
            if (active) {
                carryOut(core.tick());
                scheduleTick();
            }
        });
    }

    private void carryOut(List<FollowerOutput> outputs) {
        for (FollowerOutput output : outputs) {
            if (!active) {
                return;
            }
            carryOut(output);
        }
    }

    private void carryOut(FollowerOutput output) {
        SimDisk disk = peer.disk;
        if (output instanceof FollowerOutput.AppendToLog append) {
            appendToLog(append.zxid(), SimLeader.text(append.txn()));
        } else if (output instanceof FollowerOutput.Apply apply) {
            peer.apply(new SimDisk.Txn(apply.zxid(), SimLeader.text(apply.txn())));
        } else if (output instanceof FollowerOutput.SendAck ack) {
            world.sendToLeader(connection, SimConnection.Packet.of(ZabPacketType.ACK, ack.zxid(), null));
        } else if (output instanceof FollowerOutput.SendPingReply ping) {
            world.sendToLeader(connection, SimConnection.Packet.of(ZabPacketType.PING, ping.zxid(), null));
        } else if (output instanceof FollowerOutput.TruncateLog truncate) {
            world.note("peer " + peer.id + " truncates its log after 0x" + Long.toHexString(truncate.zxid()));
            disk.truncate(truncate.zxid());
            peer.tree = disk.load();
        } else if (output instanceof FollowerOutput.LoadSnapshotFromLeader load) {
            world.note("peer " + peer.id + " loads a snapshot as of 0x" + Long.toHexString(load.zxid()));
            peer.tree = new ArrayList<>(receivedSnapshot);
        } else if (output instanceof FollowerOutput.TakeSnapshot) {
            disk.saveSnapshot(peer.tree);
        } else if (output instanceof FollowerOutput.Send send) {
            world.sendToLeader(connection, SimConnection.Packet.of(send.type(), send.zxid(), send.payload()));
        } else if (output instanceof FollowerOutput.AcceptEpoch accept) {
            disk.acceptedEpoch = accept.epoch();
        } else if (output instanceof FollowerOutput.SetCurrentEpoch current) {
            disk.currentEpoch = current.epoch();
        } else if (output instanceof FollowerOutput.StartServing start) {
            leaderEpoch = start.epoch();
            serving = true;
            // As ZabPeer's vote once in sync: the leader's epoch, so late peers see one vote from everyone.
            peer.election.updatePeerEpoch(leaderEpoch);
            peer.checkedPrefix = 0;
            peer.ensemble.checkServingTree(peer);
        } else if (output instanceof FollowerOutput.LeaderLost lost) {
            peer.endRole("leader lost: " + lost.reason());
        }
    }

    private void appendToLog(long zxid, String body) {
        SimDisk disk = peer.disk;
        long token = disk.append(zxid, body);
        int incarnation = peer.incarnation;
        world.at(disk.completionTimeMs(world.now(), world.diskLatencyMs()), () -> {
            if (peer.incarnation == incarnation && disk.complete(zxid, token) && active) {
                carryOut(core.logged(zxid));
            }
        });
    }
}
