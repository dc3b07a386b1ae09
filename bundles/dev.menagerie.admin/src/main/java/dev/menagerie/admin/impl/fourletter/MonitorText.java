package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.DataTreeStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code mntr} and the admin {@code monitor} command report: the server's status values, then every metric of
 * the registry in Apache ZooKeeper's default provider's layout (a status value already printed is not repeated).
 */
public final class MonitorText {

    /** Apache reports -1 where the JVM cannot tell (we do not read the OS's descriptor counts). */
    private static final int UNKNOWN = -1;

    private MonitorText() {
    }

    /** The text of {@code mntr}: each key with a {@code zk_} prefix, a tab, the value. */
    static String mntr(ServerStatus status, MetricsRegistry metrics) {
        StringBuilder out = new StringBuilder();
        values(status, metrics).forEach((key, value) -> out.append("zk_").append(key).append('\t').append(value)
                .append('\n'));
        return out.toString();
    }

    /** The keys (without {@code zk_}) and values, in the order Apache prints them. */
    public static Map<String, Object> values(ServerStatus status, MetricsRegistry metrics) {
        ServerSummary summary = status.summary();
        DataTreeStatus tree = status.dataTree();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", status.version());
        values.put("server_state", summary.mode());
        values.put("avg_latency", summary.latency().avgMs());
        values.put("max_latency", summary.latency().maxMs());
        values.put("min_latency", summary.latency().minMs());
        values.put("packets_received", summary.packetsReceived());
        values.put("packets_sent", summary.packetsSent());
        values.put("num_alive_connections", summary.connectionCount());
        values.put("outstanding_requests", summary.outstandingRequests());
        values.put("znode_count", tree.nodeCount());
        values.put("watch_count", tree.watchCount());
        values.put("ephemerals_count", tree.ephemeralCount());
        values.put("approximate_data_size", tree.approximateDataSizeBytes());
        values.put("open_file_descriptor_count", UNKNOWN);
        values.put("max_file_descriptor_count", UNKNOWN);
        values.put("uptime", summary.uptimeMs());
        values.put("global_sessions", status.sessions().sessionCount());
        values.put("local_sessions", 0);
        values.put("auth_failed_count", summary.authFailures());
        values.put("digest_mismatches_count", summary.digestMismatches());
        values.putAll(status.quorumMonitorValues());
        MetricDump.dump(metrics, values::putIfAbsent);
        return values;
    }
}
