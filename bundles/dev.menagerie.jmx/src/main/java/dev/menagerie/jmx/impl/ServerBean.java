package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import java.util.Date;

/** The server bean; every read asks the status service afresh. */
class ServerBean implements ZooKeeperServerMXBean {

    private final ServerStatus status;
    private final String startTime;

    ServerBean(ServerStatus status, long nowMs) {
        this.status = status;
        this.startTime = new Date(nowMs - status.summary().uptimeMs()).toString();
    }

    private ServerSummary summary() {
        return status.summary();
    }

    @Override
    public String getClientPort() {
        return Integer.toString(status.configuration().clientPort());
    }

    @Override
    public String getVersion() {
        return status.version();
    }

    @Override
    public String getStartTime() {
        return startTime;
    }

    @Override
    public long getMinRequestLatency() {
        return summary().latency().minMs();
    }

    @Override
    public double getAvgRequestLatency() {
        return summary().latency().avgMs();
    }

    @Override
    public long getMaxRequestLatency() {
        return summary().latency().maxMs();
    }

    @Override
    public long getPacketsReceived() {
        return summary().packetsReceived();
    }

    @Override
    public long getPacketsSent() {
        return summary().packetsSent();
    }

    @Override
    public long getAuthFailedCount() {
        return summary().authFailures();
    }

    @Override
    public long getOutstandingRequests() {
        return summary().outstandingRequests();
    }

    @Override
    public long getNumAliveConnections() {
        return summary().connectionCount();
    }

    @Override
    public long getDataDirSize() {
        return status.diskUsage().dataDirBytes();
    }

    @Override
    public long getLogDirSize() {
        return status.diskUsage().dataLogDirBytes();
    }

    @Override
    public int getTickTime() {
        return status.configuration().tickTimeMs();
    }

    @Override
    public void setTickTime(int tickTime) {
        throw Refusal.configOnly("TickTime", "tickTime");
    }

    @Override
    public int getMaxClientCnxnsPerHost() {
        return status.configuration().maxClientCnxns();
    }

    @Override
    public void setMaxClientCnxnsPerHost(int max) {
        throw Refusal.configOnly("MaxClientCnxnsPerHost", "maxClientCnxns");
    }

    @Override
    public int getMinSessionTimeout() {
        return status.configuration().minSessionTimeoutMs();
    }

    @Override
    public void setMinSessionTimeout(int min) {
        throw Refusal.configOnly("MinSessionTimeout", "minSessionTimeout");
    }

    @Override
    public int getMaxSessionTimeout() {
        return status.configuration().maxSessionTimeoutMs();
    }

    @Override
    public void setMaxSessionTimeout(int max) {
        throw Refusal.configOnly("MaxSessionTimeout", "maxSessionTimeout");
    }

    @Override
    public void resetStatistics() {
        status.resetStatistics(ServerStatus.Statistics.SERVER);
    }

    @Override
    public void resetLatency() {
        throw partialReset("resetLatency");
    }

    @Override
    public void resetMaxLatency() {
        throw partialReset("resetMaxLatency");
    }

    @Override
    public void resetAuthFailedCount() {
        throw partialReset("resetAuthFailedCount");
    }

    private static UnsupportedOperationException partialReset(String operation) {
        return Refusal.of(operation, "the server zeroes its latencies, packet counts and authentication failures"
                + " only together; call resetStatistics");
    }
}
