package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.ServerStatus;
import java.util.Date;
import java.util.List;

/**
 * One session's connection. Reads take the connection's current figures from the status service, or the last ones
 * seen once it is gone (the bean is unregistered at the next refresh).
 */
final class ConnectionBean implements ConnectionMXBean {

    private final ServerStatus status;
    private final long sessionId;
    private volatile ConnectionStatus lastSeen;

    ConnectionBean(ServerStatus status, ConnectionStatus connection) {
        this.status = status;
        this.sessionId = connection.sessionId();
        this.lastSeen = connection;
    }

    private ConnectionStatus current() {
        for (ConnectionStatus connection : status.connections()) {
            if (connection.sessionId() == sessionId) {
                lastSeen = connection;
                return connection;
            }
        }
        return lastSeen;
    }

    @Override
    public String getSourceIP() {
        ConnectionStatus connection = current();
        return connection.remoteAddress().getAddress().getHostAddress() + ":" + connection.remoteAddress().getPort();
    }

    @Override
    public String getSessionId() {
        return hex(sessionId);
    }

    @Override
    public String getStartedTime() {
        return new Date(current().establishedMs()).toString();
    }

    @Override
    public String[] getEphemeralNodes() {
        List<String> paths = status.sessions().ephemeralsBySession().getOrDefault(sessionId, List.of());
        return paths.stream().sorted().toArray(String[]::new);
    }

    @Override
    public long getPacketsReceived() {
        return current().packetsReceived();
    }

    @Override
    public long getPacketsSent() {
        return current().packetsSent();
    }

    @Override
    public long getOutstandingRequests() {
        return current().outstandingRequests();
    }

    @Override
    public int getSessionTimeout() {
        return current().sessionTimeoutMs();
    }

    @Override
    public long getMinLatency() {
        return current().latency().minMs();
    }

    @Override
    public long getAvgLatency() {
        return (long) current().latency().avgMs();
    }

    @Override
    public long getMaxLatency() {
        return current().latency().maxMs();
    }

    @Override
    public String getLastOperation() {
        return current().lastOperation();
    }

    @Override
    public String getLastCxid() {
        return hex(current().lastCxid());
    }

    @Override
    public String getLastZxid() {
        return hex(current().lastZxid());
    }

    @Override
    public String getLastResponseTime() {
        return new Date(current().lastResponseMs()).toString();
    }

    @Override
    public long getLastLatency() {
        return current().lastLatencyMs();
    }

    @Override
    public void terminateSession() {
        throw Refusal.of("terminateSession", "the status service cannot close sessions; the client closes it, or it"
                + " expires after its timeout");
    }

    @Override
    public void terminateConnection() {
        throw Refusal.of("terminateConnection", "the status service cannot close connections");
    }

    @Override
    public void resetCounters() {
        throw Refusal.of("resetCounters", "the server zeroes the counters of all connections at once (the crst"
                + " four-letter word, or the connection_stat_reset admin command), not of one");
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
