package dev.menagerie.server.impl.status;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.Registration;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.server.impl.stats.ResponseSizes;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.throttle.ConnectionThrottle;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.QuotaGauges;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gauges Apache ZooKeeper registers from its server's state ({@code ZooKeeperServer.registerMetrics} and the
 * leader's and follower's additions), read from the same {@link ServerStatus} that {@code mntr} prints, so a
 * metrics provider and {@code mntr} report the same numbers. Registered while the server runs.
 */
public final class ServerGauges implements AutoCloseable {

    /** Apache reports -1 where the JVM cannot tell; {@code mntr} prints the same. */
    private static final int UNKNOWN = -1;
    /** Registered by Apache's leader (and follower, for synced_observers) only while it has that role. */
    private static final List<String> QUORUM_GAUGES = List.of("learners", "synced_followers",
            "synced_non_voting_followers", "synced_observers", "pending_syncs", "leader_uptime", "last_proposal_size",
            "max_proposal_size", "min_proposal_size", "quorum_size");

    private final List<Registration> registrations = new ArrayList<>();

    /**
     * @param stats the client response sizes and plain connection counts, which Apache reads from its ServerStats
     * @param throttle the connection throttle, whose drop probability is a gauge
     * @param outstandingTlsHandshakes the client transport's count of TLS handshakes in progress
     * @param tree the data tree in use (a restore or a sync replaces it), for the quota gauges
     */
    public ServerGauges(MetricsRegistry registry, ServerStatus status, ServerStats stats, ConnectionThrottle throttle,
            Supplier<? extends Number> outstandingTlsHandshakes, Supplier<DataTree> tree) {
        ResponseSizes responseSizes = stats.responseSizes();
        add(registry, "avg_latency", () -> status.summary().latency().avgMs());
        add(registry, "max_latency", () -> status.summary().latency().maxMs());
        add(registry, "min_latency", () -> status.summary().latency().minMs());
        add(registry, "packets_received", () -> status.summary().packetsReceived());
        add(registry, "packets_sent", () -> status.summary().packetsSent());
        add(registry, "num_alive_connections", () -> status.summary().connectionCount());
        add(registry, "outstanding_requests", () -> status.summary().outstandingRequests());
        add(registry, "uptime", () -> status.summary().uptimeMs());
        add(registry, "auth_failed_count", () -> status.summary().authFailures());
        add(registry, "znode_count", () -> status.dataTree().nodeCount());
        add(registry, "watch_count", () -> status.dataTree().watchCount());
        add(registry, "ephemerals_count", () -> status.dataTree().ephemeralCount());
        add(registry, "approximate_data_size", () -> status.dataTree().approximateDataSizeBytes());
        add(registry, "global_sessions", () -> status.sessions().sessionCount());
        add(registry, "local_sessions", () -> 0);
        add(registry, "open_file_descriptor_count", () -> UNKNOWN);
        add(registry, "max_file_descriptor_count", () -> UNKNOWN);
        add(registry, "last_client_response_size", responseSizes::last);
        add(registry, "min_client_response_size", responseSizes::min);
        add(registry, "max_client_response_size", responseSizes::max);
        add(registry, "non_mtls_local_conn_count", stats::nonMtlsLocalConnections);
        add(registry, "non_mtls_remote_conn_count", stats::nonMtlsRemoteConnections);
        add(registry, "outstanding_tls_handshake", outstandingTlsHandshakes);
        for (QuotaGauges.Figure figure : QuotaGauges.Figure.values()) {
            registrations.add(registry.gaugeSet(figure.metricName(), QuotaGauges.gaugeSet(tree, figure)));
        }
        add(registry, "connection_drop_probability", throttle::dropProbability);
        for (String name : QUORUM_GAUGES) {
            // Absent (read as null, so left out) on a standalone server and in roles that do not have it.
            add(registry, name, () -> status.quorumMonitorValues().get(name) instanceof Number n ? n : null);
        }
    }

    private void add(MetricsRegistry registry, String name, Supplier<? extends Number> value) {
        registrations.add(registry.gauge(name, value));
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
    }
}
