package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.status.DataTreeStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of {@code mntr}: Apache ZooKeeper's metric names with a {@code zk_} prefix, a tab, the value. */
public final class MonitorText {

    /** Apache reports -1 where the JVM cannot tell (we do not read the OS's descriptor counts). */
    private static final int UNKNOWN = -1;

    private MonitorText() {
    }

    static String mntr(ServerStatus status) {
        StringBuilder out = new StringBuilder();
        values(status).forEach((key, value) -> out.append(key).append('\t').append(value).append('\n'));
        return out.toString();
    }

    /**
     * The values of {@code mntr} by key ({@code zk_version}, ...), in the order printed; the admin command
     * {@code monitor} reports them too.
     */
    public static Map<String, Object> values(ServerStatus status) {
        ServerSummary summary = status.summary();
        DataTreeStatus tree = status.dataTree();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zk_version", status.version());
        values.put("zk_server_state", summary.mode());
        values.put("zk_avg_latency", summary.latency().avgMs());
        values.put("zk_max_latency", summary.latency().maxMs());
        values.put("zk_min_latency", summary.latency().minMs());
        values.put("zk_packets_received", summary.packetsReceived());
        values.put("zk_packets_sent", summary.packetsSent());
        values.put("zk_num_alive_connections", summary.connectionCount());
        values.put("zk_outstanding_requests", summary.outstandingRequests());
        values.put("zk_znode_count", tree.nodeCount());
        values.put("zk_watch_count", tree.watchCount());
        values.put("zk_ephemerals_count", tree.ephemeralCount());
        values.put("zk_approximate_data_size", tree.approximateDataSizeBytes());
        values.put("zk_open_file_descriptor_count", UNKNOWN);
        values.put("zk_max_file_descriptor_count", UNKNOWN);
        values.put("zk_uptime", summary.uptimeMs());
        values.put("zk_global_sessions", status.sessions().sessionCount());
        values.put("zk_local_sessions", 0);
        values.put("zk_auth_failed_count", summary.authFailures());
        values.put("zk_last_zxid", summary.lastZxid());
        values.put("zk_digest_mismatches_count", summary.digestMismatches());
        status.quorumMonitorValues().forEach((key, value) -> values.put("zk_" + key, value));
        return values;
    }
}
