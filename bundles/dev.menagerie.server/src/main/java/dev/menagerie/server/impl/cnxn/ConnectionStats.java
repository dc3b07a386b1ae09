package dev.menagerie.server.impl.cnxn;

import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.server.impl.stats.LatencyStats;
import dev.menagerie.server.impl.status.ServerStatusView;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Per-connection counters, as the cons command prints them. */
final class ConnectionStats {

    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LatencyStats latency = new LatencyStats();
    private volatile long establishedMs;
    private volatile long sessionId;
    private volatile int timeoutMs;
    private volatile int lastCxid = -1;
    private volatile long lastZxid = -1;
    private volatile String lastOperation = "NA";
    private volatile long lastResponseMs;
    private volatile long lastLatencyMs;

    void received() {
        packetsReceived.incrementAndGet();
    }

    void sent() {
        packetsSent.incrementAndGet();
    }

    void outstanding(int delta) {
        outstanding.addAndGet(delta);
    }

    void established(long sessionId, int timeoutMs) {
        this.sessionId = sessionId;
        this.timeoutMs = timeoutMs;
        this.establishedMs = System.currentTimeMillis();
    }

    void lastCxid(int cxid) {
        lastCxid = cxid;
    }

    void lastZxid(long zxid) {
        lastZxid = zxid;
    }

    void answered(String operation, long latencyMs) {
        outstanding.updateAndGet(n -> Math.max(0, n - 1));
        lastOperation = operation;
        lastLatencyMs = latencyMs;
        lastResponseMs = System.currentTimeMillis();
        latency.add(latencyMs);
    }

    /** What {@code crst} resets. */
    void reset() {
        packetsReceived.set(0);
        packetsSent.set(0);
        latency.reset();
        lastCxid = -1;
        lastZxid = -1;
        lastOperation = "NA";
        lastResponseMs = 0;
        lastLatencyMs = 0;
    }

    int outstanding() {
        return outstanding.get();
    }

    /** A snapshot for the status ({@code cons}, {@code stat}). */
    ConnectionStatus snapshot(InetSocketAddress remoteAddress) {
        return new ConnectionStatus(remoteAddress, outstanding.get(), packetsReceived.get(), packetsSent.get(),
                sessionId, timeoutMs, establishedMs, lastOperation, lastCxid, lastZxid, lastResponseMs, lastLatencyMs,
                ServerStatusView.latency(latency));
    }
}
