package dev.menagerie.admin.impl.command;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.LoggedDigest;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerStatus.Statistics;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.SnapshotStatus;
import dev.menagerie.api.status.WatchesStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Apache ZooKeeper's commands that report on one server (statistics, connections, sessions, watches, files), with
 * its JSON keys and value types, read from {@link ServerStatus}.
 */
final class ServerCommands {

    static final String READ_ONLY_MODE = "read-only";

    private ServerCommands() {
    }

    /**
     * @param initialConfiguration zoo.cfg's text as the server started with it
     * @param metrics the registry {@code stat_reset} zeroes with the server's figures, as Apache's does
     */
    static List<AdminCommand> all(Supplier<String> initialConfiguration, MetricsRegistry metrics) {
        return List.of(
                fields(List.of("connection_stat_reset", "crst"), status -> {
                    status.resetStatistics(Statistics.CONNECTIONS);
                    return Map.of();
                }),
                fields(List.of("stat_reset", "srst"), status -> {
                    status.resetStatistics(Statistics.SERVER);
                    metrics.reset();
                    return Map.of();
                }),
                fields(List.of("connections", "cons"), status -> Map.of(
                        "connections", connections(status, false),
                        "secure_connections", List.of())),
                fields(List.of("server_stats", "srvr"), ServerCommands::serverStats),
                fields(List.of("stats", "stat"), status -> {
                    Map<String, Object> fields = serverStats(status);
                    fields.put("connections", connections(status, true));
                    fields.put("secure_connections", List.of());
                    return fields;
                }),
                fields(List.of("hash"), status -> Map.of("digests", digests(status))),
                fields(List.of("dirs"), status -> Map.of(
                        "datadir_size", status.diskUsage().dataDirBytes(),
                        "logdir_size", status.diskUsage().dataLogDirBytes())),
                fields(List.of("dump"), status -> Map.of(
                        "expiry_time_to_session_ids", status.sessions().expiringAtMs(),
                        "session_id_to_ephemeral_paths", status.sessions().ephemeralsBySession())),
                fields(List.of("initial_configuration", "icfg"), status -> Map.of(
                        "initial_configuration", initialConfiguration.get())),
                fields(List.of("is_read_only", "isro"), status -> Map.of("read_only", readOnly(status))),
                fields(List.of("last_snapshot", "lsnp"), ServerCommands::lastSnapshot),
                fields(List.of("watches", "wchc"), status -> Map.of(
                        "session_id_to_watched_paths", watchedPaths(status.watches()))),
                fields(List.of("watches_by_path", "wchp"), status -> Map.of(
                        "path_to_session_ids", status.watches().sessionsByPath())),
                fields(List.of("watch_summary", "wchs"), status -> {
                    WatchesStatus watches = status.watches();
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("num_connections", watches.connectionCount());
                    fields.put("num_paths", watches.pathCount());
                    fields.put("num_total_watches", watches.totalWatches());
                    return fields;
                }));
    }

    /** A command of the running server whose answer is its fields. */
    static SimpleCommand fields(List<String> names,
            java.util.function.Function<ServerStatus, Map<String, Object>> fields) {
        return SimpleCommand.onServer(names, (name, request) ->
                CommandResponse.ok(name, fields.apply(request.server())));
    }

    static boolean readOnly(ServerStatus status) {
        return READ_ONLY_MODE.equals(status.summary().mode());
    }

    /**
     * Apache's srvr/stats fields. Apache's {@code client_response} buffer sizes, {@code fsync_threshold_exceed_count},
     * {@code provider_null} and the mTLS connection counts are not measured here and left out rather than made up.
     */
    static Map<String, Object> serverStats(ServerStatus status) {
        ServerSummary summary = status.summary();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("packets_sent", summary.packetsSent());
        stats.put("packets_received", summary.packetsReceived());
        stats.put("data_dir_size", status.diskUsage().dataDirBytes());
        stats.put("log_dir_size", status.diskUsage().dataLogDirBytes());
        stats.put("last_processed_zxid", summary.lastZxid());
        stats.put("outstanding_requests", summary.outstandingRequests());
        stats.put("server_state", summary.mode());
        stats.put("avg_latency", summary.latency().avgMs());
        stats.put("max_latency", summary.latency().maxMs());
        stats.put("min_latency", summary.latency().minMs());
        stats.put("num_alive_client_connections", summary.connectionCount());
        stats.put("uptime", summary.uptimeMs());
        stats.put("auth_failed_count", summary.authFailures());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", status.version());
        fields.put("read_only", readOnly(status));
        fields.put("server_stats", stats);
        Map<String, Object> proposals = proposalStats(status.quorumMonitorValues());
        if (!proposals.isEmpty()) {
            fields.put("proposal_stats", proposals);
        }
        fields.put("node_count", status.dataTree().nodeCount());
        return fields;
    }

    /** A leader's proposal sizes, which its quorum peer reports among the mntr values. */
    private static Map<String, Object> proposalStats(Map<String, Object> quorumValues) {
        Map<String, Object> stats = new LinkedHashMap<>();
        if (quorumValues.containsKey("last_proposal_size")) {
            stats.put("last_buffer_size", quorumValues.get("last_proposal_size"));
            stats.put("min_buffer_size", quorumValues.get("min_proposal_size"));
            stats.put("max_buffer_size", quorumValues.get("max_proposal_size"));
        }
        return stats;
    }

    /** Apache's ServerCnxn.getConnectionInfo for each connection; {@code brief} keeps the packet counts only. */
    static List<Map<String, Object>> connections(ServerStatus status, boolean brief) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ConnectionStatus connection : status.connections()) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("remote_socket_address", address(connection.remoteAddress()));
            info.put("outstanding_requests", connection.outstandingRequests());
            info.put("packets_received", connection.packetsReceived());
            info.put("packets_sent", connection.packetsSent());
            if (!brief) {
                info.put("session_id", connection.sessionId());
                info.put("last_operation", connection.lastOperation());
                info.put("established", connection.establishedMs());
                info.put("session_timeout", connection.sessionTimeoutMs());
                info.put("last_cxid", connection.lastCxid());
                info.put("last_zxid", connection.lastZxid());
                info.put("last_response_time", connection.lastResponseMs());
                info.put("last_latency", connection.lastLatencyMs());
                info.put("min_latency", connection.latency().minMs());
                // Apache's per-connection mean is a whole number of milliseconds (integer division).
                info.put("avg_latency", (long) connection.latency().avgMs());
                info.put("max_latency", connection.latency().maxMs());
            }
            list.add(info);
        }
        return list;
    }

    /** {@code host:port}, an IPv6 host in brackets, as Jackson writes Apache's InetSocketAddress values. */
    static String address(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The logged digests, each as Apache's ZxidDigest bean: zxid, digest_version, digest. */
    private static List<Map<String, Object>> digests(ServerStatus status) {
        List<Map<String, Object>> digests = new ArrayList<>();
        for (LoggedDigest logged : status.digestLog()) {
            Map<String, Object> digest = new LinkedHashMap<>();
            digest.put("zxid", logged.zxid());
            digest.put("digest_version", logged.digestVersion());
            digest.put("digest", logged.digest());
            digests.add(digest);
        }
        return digests;
    }

    private static Map<String, Object> lastSnapshot(ServerStatus status) {
        SnapshotStatus snapshot = status.lastSnapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("zxid", Long.toHexString(snapshot.zxid()));
        fields.put("timestamp", snapshot.timestampS());
        return fields;
    }

    private static Map<String, Object> watchedPaths(WatchesStatus watches) {
        Map<String, Object> bySession = new LinkedHashMap<>();
        for (WatchesStatus.ConnectionWatches connection : watches.byConnection()) {
            // Two connections of one session (a client that reconnected) merge, as Apache's map keys them by id.
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) bySession.computeIfAbsent(Long.toString(connection.sessionId()),
                    id -> new ArrayList<String>());
            paths.addAll(connection.paths());
        }
        return bySession;
    }
}
