package dev.menagerie.quorum.impl.zab;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A peer's leader role, driven as LeaderRunner drives it: learners' packets, client proposals, completed log writes
 * and ticks go into a {@link LeaderCore}; its outputs are carried out on the simulated connections and disk.
 */
final class SimLeader {

    final SimPeer peer;
    private final SimWorld world;
    private final LeaderCore core;
    private final Map<Long, SimConnection> links = new HashMap<>();
    boolean active = true;
    boolean serving;
    long epoch = -1;
    private long lastProposedZxid;

    SimLeader(SimPeer peer) {
        this.peer = peer;
        this.world = peer.world;
        long lastZxid = peer.lastZxid();
        core = new LeaderCore(peer.id, peer.ensemble.verifier, 2 * SimEnsemble.INIT_LIMIT_TICKS,
                2 * SimEnsemble.SYNC_LIMIT_TICKS, peer.disk.acceptedEpoch, peer.disk.currentEpoch, lastZxid,
                recentCommits(lastZxid));
    }

    /** As LeaderRunner.recentCommits: this epoch's tail of the log, up to the tree's last zxid. */
    private CommittedWindow recentCommits(long lastZxid) {
        CommittedWindow window = new CommittedWindow(CommittedWindow.DEFAULT_CAPACITY);
        long from = Math.max(Zxids.of(Zxids.epoch(lastZxid), 1), lastZxid - CommittedWindow.DEFAULT_CAPACITY);
        peer.disk.logRange(from, lastZxid).forEach((zxid, body) -> window.add(zxid, bytes(body)));
        List<Long> zxids = window.zxids();
        world.note("leader " + peer.id + " window " + (zxids.isEmpty() ? "empty" : "0x" + Long.toHexString(
                zxids.get(0)) + "..0x" + Long.toHexString(zxids.get(zxids.size() - 1)) + " (" + zxids.size() + ")")
                + ", tree ends at 0x" + Long.toHexString(lastZxid));
        return window;
    }

    void start() {
        carryOut(core.start());
        scheduleTick();
    }

    /** The role ended: every learner's connection is closed. */
    void stop() {
        active = false;
        serving = false;
        for (SimConnection link : links.values()) {
            world.close(link);
        }
        links.clear();
    }

    /** Every proposal of this epoch is committed and applied (trivially so before the first). */
    boolean everythingCommitted() {
        return Zxids.isEpochStart(lastProposedZxid) || lastProposedZxid == peer.lastZxid();
    }

    /** Accepting connections: a learner may connect while this role runs. */
    boolean listening() {
        return active && !core.isStopped();
    }

    /** A client write, given the next zxid of the epoch; the leader logs it and proposes it at once. */
    long propose(String body) {
        long zxid = ++lastProposedZxid;
        carryOut(core.propose(zxid, bytes(body)));
        SimDisk disk = peer.disk;
        long token = disk.append(zxid, body);
        int incarnation = peer.incarnation;
        world.at(disk.completionTimeMs(world.now(), world.diskLatencyMs()), () -> {
            if (peer.incarnation == incarnation && disk.complete(zxid, token) && active) {
                carryOut(core.localLogged(zxid));
            }
        });
        return zxid;
    }

    void receive(SimConnection connection, SimConnection.Packet packet) {
        if (!active) {
            return;
        }
        long sid = connection.learnerId();
        switch (packet.type()) {
            case FOLLOWERINFO, OBSERVERINFO -> {
                SimConnection previous = links.put(sid, connection);
                if (previous != null && previous != connection) {
                    world.close(previous);
                    core.learnerLost(sid);
                }
                LearnerRole role = packet.type() == ZabPacketType.FOLLOWERINFO ? LearnerRole.FOLLOWER
                        : LearnerRole.OBSERVER;
                carryOut(core.learnerInfo(sid, role, Zxids.epoch(packet.zxid())));
            }
            case ACKEPOCH -> {
                core.applied(peer.lastZxid());
                carryOut(core.ackEpoch(sid, LearnerRegistration.ackedCurrentEpoch(packet.payload()), packet.zxid()));
            }
            case ACK -> carryOut(core.ack(sid, packet.zxid()));
            case PING -> core.heardFrom(sid);
            default -> world.fail("leader " + peer.id + " got an unexpected " + packet.type() + " from " + sid);
        }
    }

    /** The connection reset: the learner is gone, unless it already reconnected on another one. */
    void connectionLost(SimConnection connection) {
        long sid = connection.learnerId();
        if (active && links.get(sid) == connection) {
            links.remove(sid);
            carryOut(core.learnerLost(sid));
        }
    }

    private void scheduleTick() {
        world.at(world.now() + SimEnsemble.CORE_TICK_MS, () -> {
            if (active) {
                core.applied(peer.lastZxid());
                carryOut(core.tick());
                scheduleTick();
            }
        });
    }

    private void carryOut(List<LeaderOutput> outputs) {
        for (LeaderOutput output : outputs) {
            if (!active) {
                return;
            }
            carryOut(output);
        }
    }

    private void carryOut(LeaderOutput output) {
        if (output instanceof LeaderOutput.Send send) {
            SimConnection link = links.get(send.toSid());
            if (link != null) {
                world.sendToLearner(link, SimConnection.Packet.of(send.type(), send.zxid(), send.payload()));
            }
        } else if (output instanceof LeaderOutput.SendSnapshot snap) {
            sendSnapshot(snap.toSid(), snap.zxid());
        } else if (output instanceof LeaderOutput.AcceptEpoch accept) {
            peer.disk.acceptedEpoch = accept.epoch();
        } else if (output instanceof LeaderOutput.SetCurrentEpoch current) {
            peer.disk.currentEpoch = current.epoch();
        } else if (output instanceof LeaderOutput.StartServing start) {
            startServing(start.epochStartZxid());
        } else if (output instanceof LeaderOutput.Commit commit) {
            SimDisk.Txn txn = new SimDisk.Txn(commit.zxid(), text(commit.txn()));
            peer.apply(txn);
            peer.ensemble.acknowledged(peer, txn);
        } else if (output instanceof LeaderOutput.CloseLearner close) {
            world.note("leader " + peer.id + " drops learner " + close.sid() + ": " + close.reason());
            SimConnection link = links.remove(close.sid());
            if (link != null) {
                world.close(link);
            }
            core.learnerLost(close.sid());
        } else if (output instanceof LeaderOutput.GiveUp giveUp) {
            peer.endRole("leader gives up: " + giveUp.reason());
        }
        // SyncReady: no sync requests in this simulation.
    }

    private void startServing(long epochStartZxid) {
        epoch = Zxids.epoch(epochStartZxid);
        lastProposedZxid = epochStartZxid;
        serving = true;
        peer.election.updatePeerEpoch(epoch);
        peer.ensemble.leaderStartsServing(peer, epoch);
    }

    private void sendSnapshot(long sid, long zxid) {
        SimConnection link = links.get(sid);
        world.check(zxid <= peer.lastZxid(), "leader " + peer.id + " snapshots as of 0x" + Long.toHexString(zxid)
                + " but its tree ends at 0x" + Long.toHexString(peer.lastZxid()));
        if (link != null) {
            world.sendToLearner(link, new SimConnection.Packet(ZabPacketType.SNAP, zxid, null, peer.treeUpTo(zxid)));
        }
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] txn) {
        return new String(txn, StandardCharsets.UTF_8);
    }
}
