package org.apache.zookeeper.server.quorum;

import java.nio.ByteBuffer;

/**
 * Test-only door into Apache ZooKeeper 3.9.5's package-private notification encoder, so our codec can be compared
 * byte for byte with what a real server sends.
 */
public final class ApacheElectionWire {

    private ApacheElectionWire() {
    }

    /** What 3.9's WorkerSender puts on the wire (version 2, with configuration). */
    public static byte[] notification(int state, long leader, long zxid, long electionEpoch, long peerEpoch,
            byte[] config) {
        return bytes(FastLeaderElection.buildMsg(state, leader, zxid, electionEpoch, peerEpoch, config));
    }

    /** The 40-byte version 1 message 3.4.6+ sends (3.9 keeps the encoder for compatibility tests). */
    public static byte[] notificationVersion1(int state, long leader, long zxid, long electionEpoch, long peerEpoch) {
        return bytes(FastLeaderElection.buildMsg(state, leader, zxid, electionEpoch, peerEpoch));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.capacity()];
        buffer.duplicate().clear().get(copy);
        return copy;
    }
}
