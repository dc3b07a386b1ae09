package org.apache.zookeeper.server.quorum;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only: Apache ZooKeeper 3.9.5's own QuorumCnxManager for one server, listening and dialling on its election
 * port, with nothing else of a quorum peer running.
 */
public final class ApacheElectionPeer implements AutoCloseable {

    /** A message Apache's manager received: the sender's id (from the handshake) and the payload. */
    public record Received(long sid, byte[] payload) {
    }

    private final QuorumPeer peer;
    private final QuorumCnxManager manager;

    /** @param electionAddresses every server's election address, this one's included */
    public ApacheElectionPeer(long myId, Map<Long, InetSocketAddress> electionAddresses, File dataDir)
            throws IOException {
        Map<Long, QuorumPeer.QuorumServer> view = new HashMap<>();
        electionAddresses.forEach((id, election) -> view.put(id,
                new QuorumPeer.QuorumServer(id, new InetSocketAddress("127.0.0.1", 1), election)));
        peer = new QuorumPeer(view, dataDir, dataDir, 3, myId, 2000, 10, 10, 10, null);
        peer.initialize();
        manager = peer.createCnxnManager();
        manager.listener.start();
    }

    /** Queues a notification built by Apache's {@code FastLeaderElection.buildMsg} (version 2, with config). */
    public void sendNotification(long toSid, int state, long leader, long zxid, long electionEpoch,
            long peerEpoch) {
        byte[] config = peer.getQuorumVerifier().toString().getBytes(StandardCharsets.UTF_8);
        manager.toSend(toSid, FastLeaderElection.buildMsg(state, leader, zxid, electionEpoch, peerEpoch, config));
    }

    /** The next received message, or null after {@code timeoutMs}. */
    public Received poll(long timeoutMs) throws InterruptedException {
        QuorumCnxManager.Message m = manager.pollRecvQueue(timeoutMs, TimeUnit.MILLISECONDS);
        if (m == null) {
            return null;
        }
        byte[] payload = new byte[m.buffer.capacity()];
        m.buffer.duplicate().clear().get(payload);
        return new Received(m.sid, payload);
    }

    public boolean connectedTo(long sid) {
        return manager.connectedToPeer(sid);
    }

    @Override
    public void close() {
        manager.halt();
    }
}
