package dev.menagerie.admin.impl.gogo;

import dev.menagerie.api.status.ConnectionStatus;
import java.util.Comparator;
import java.util.List;

/** {@code menagerie:connections}: one line per open client connection, oldest session first. */
final class ConnectionsText {

    private ConnectionsText() {
    }

    static String format(List<ConnectionStatus> connections) {
        StringBuilder text = new StringBuilder();
        text.append(Counted.of(connections.size(), "connection")).append(System.lineSeparator());
        connections.stream().sorted(Comparator.comparingLong(ConnectionStatus::establishedMs)
                        .thenComparing(c -> String.valueOf(c.remoteAddress())))
                .forEach(c -> text.append(line(c)).append(System.lineSeparator()));
        return text.toString();
    }

    private static String line(ConnectionStatus c) {
        String session = c.hasSession()
                ? "session 0x" + Long.toHexString(c.sessionId()) + " timeout " + c.sessionTimeoutMs() + " ms"
                : "no session yet";
        return String.format("  %s %s, %d outstanding, %d received, %d sent, last %s,"
                + " latency min/avg/max %d/%.1f/%d ms", c.remoteAddress(), session, c.outstandingRequests(),
                c.packetsReceived(), c.packetsSent(), c.lastOperation(), c.latency().minMs(), c.latency().avgMs(), c.latency().maxMs());
    }
}
