package dev.menagerie.server.impl.stats;

import java.util.concurrent.atomic.AtomicLong;

/** Server-wide counters behind srvr, stat, mntr and srst. */
public final class ServerStats {

    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();
    private final LatencyStats latency = new LatencyStats();
    private final ResponseSizes responseSizes = new ResponseSizes();
    private final AtomicLong nonMtlsLocalConnections = new AtomicLong();
    private final AtomicLong nonMtlsRemoteConnections = new AtomicLong();
    private final long startNanos = System.nanoTime();

    public void received() {
        packetsReceived.incrementAndGet();
    }

    public void sent() {
        packetsSent.incrementAndGet();
    }

    public void authFailed() {
        authFailures.incrementAndGet();
    }

    public void requestDone(long latencyMs) {
        latency.add(latencyMs);
    }

    public long packetsReceived() {
        return packetsReceived.get();
    }

    public long packetsSent() {
        return packetsSent.get();
    }

    public long authFailures() {
        return authFailures.get();
    }

    public LatencyStats latency() {
        return latency;
    }

    /**
     * A plain connection was accepted by a transport that counts them (netty, as Apache's); as Apache's, these
     * counts are not zeroed by {@code srst}.
     */
    public void plainConnectionAccepted(boolean loopback) {
        (loopback ? nonMtlsLocalConnections : nonMtlsRemoteConnections).incrementAndGet();
    }

    public long nonMtlsLocalConnections() {
        return nonMtlsLocalConnections.get();
    }

    public long nonMtlsRemoteConnections() {
        return nonMtlsRemoteConnections.get();
    }

    /** Sizes of the replies and notifications sent to clients. */
    public ResponseSizes responseSizes() {
        return responseSizes;
    }

    public long uptimeMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** What {@code srst} resets. */
    public void reset() {
        packetsReceived.set(0);
        packetsSent.set(0);
        authFailures.set(0);
        latency.reset();
        responseSizes.reset();
    }
}
