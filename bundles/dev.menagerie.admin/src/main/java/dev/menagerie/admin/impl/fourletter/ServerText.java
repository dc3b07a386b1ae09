package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import java.util.List;

/** The texts of {@code srvr}, {@code stat} and {@code cons}, laid out as Apache ZooKeeper prints them. */
final class ServerText {

    private ServerText() {
    }

    /** {@code srvr}: version, counters, mode and node count. {@code zkServer.sh status} reads its Mode line. */
    static String srvr(ServerStatus status) {
        return versionLine(status) + statistics(status.summary()) + nodeCount(status);
    }

    /** {@code stat}: {@code srvr} with the brief client list after the version. */
    static String stat(ServerStatus status) {
        return versionLine(status) + "Clients:\n" + connections(status.connections(), true) + "\n"
                + statistics(status.summary()) + nodeCount(status);
    }

    /** Apache's dumpConnectionInfo, one line per connection: brief for stat, full for cons. */
    static String connections(List<ConnectionStatus> connections, boolean brief) {
        StringBuilder out = new StringBuilder();
        for (ConnectionStatus c : connections) {
            out.append(' ').append(c.remoteAddress()).append("[1](queued=").append(c.outstandingRequests())
                    .append(",recved=").append(c.packetsReceived()).append(",sent=").append(c.packetsSent());
            if (!brief && c.hasSession()) {
                out.append(",sid=0x").append(Long.toHexString(c.sessionId()))
                        .append(",lop=").append(c.lastOperation())
                        .append(",est=").append(c.establishedMs())
                        .append(",to=").append(c.sessionTimeoutMs());
                if (c.lastCxid() >= 0) {
                    out.append(",lcxid=0x").append(Integer.toHexString(c.lastCxid()));
                }
                out.append(",lzxid=0x").append(Long.toHexString(c.lastZxid()))
                        .append(",lresp=").append(c.lastResponseMs())
                        .append(",llat=").append(c.lastLatencyMs())
                        .append(",minlat=").append(c.latency().minMs())
                        .append(",avglat=").append(c.latency().avgMs())
                        .append(",maxlat=").append(c.latency().maxMs());
            }
            out.append(")\n");
        }
        return out.toString();
    }

    private static String versionLine(ServerStatus status) {
        return "Zookeeper version: " + status.version() + "\n";
    }

    private static String statistics(ServerSummary summary) {
        return "Latency min/avg/max: " + latency(summary.latency()) + "\n"
                + "Received: " + summary.packetsReceived() + "\n"
                + "Sent: " + summary.packetsSent() + "\n"
                + "Connections: " + summary.connectionCount() + "\n"
                + "Outstanding: " + summary.outstandingRequests() + "\n"
                + "Zxid: 0x" + Long.toHexString(summary.lastZxid()) + "\n"
                + "Mode: " + summary.mode() + "\n";
    }

    private static String nodeCount(ServerStatus status) {
        return "Node count: " + status.dataTree().nodeCount() + "\n";
    }

    /** {@code min/avg/max}, as Apache prints it ({@code 0/0.0/0} before any request). */
    private static String latency(Latency latency) {
        return latency.minMs() + "/" + latency.avgMs() + "/" + latency.maxMs();
    }
}
