package dev.menagerie.quorum.impl.zab;

import java.util.List;

/**
 * One simulated TCP connection between a leader role and a learner role: packets arrive in order, once, after a
 * delay, while it is open. It breaks when either side closes it (the other side hears of it, as from a reset), when a
 * peer crashes, or silently when a partition cuts it (each side then finds out by its own timeouts).
 */
final class SimConnection {

    /** A Zab packet on the wire; {@code snapshot} is the data tree that follows a SNAP. */
    record Packet(ZabPacketType type, long zxid, byte[] payload, List<SimDisk.Txn> snapshot) {
        static Packet of(ZabPacketType type, long zxid, byte[] payload) {
            return new Packet(type, zxid, payload, null);
        }
    }

    final SimLeader leader;
    final SimLearner learner;
    boolean open = true;
    /** When the last packet in each direction arrives: later packets never overtake it. */
    long lastToLearnerMs;
    long lastToLeaderMs;

    SimConnection(SimLeader leader, SimLearner learner) {
        this.leader = leader;
        this.learner = learner;
    }

    long leaderId() {
        return leader.peer.id;
    }

    long learnerId() {
        return learner.peer.id;
    }

    @Override
    public String toString() {
        return leaderId() + "<->" + learnerId();
    }
}
