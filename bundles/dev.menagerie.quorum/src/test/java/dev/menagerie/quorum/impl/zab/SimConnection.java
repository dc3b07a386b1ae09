package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;

/**
 * One simulated TCP connection between a leader role and a learner role: packets arrive in order, once, after a
 * delay, while it is open. It breaks when either side closes it (the other side hears of it, as from a reset), when a
 * peer crashes, or silently when a partition cuts it (each side then finds out by its own timeouts).
 */
final class SimConnection {

    /** A Zab packet on the wire; {@code snapshot} is the serialized data tree that follows a SNAP, else null. */
    record Packet(QuorumPacket packet, byte[] snapshot) {
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
