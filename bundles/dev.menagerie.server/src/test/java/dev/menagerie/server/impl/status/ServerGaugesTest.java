package dev.menagerie.server.impl.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import dev.menagerie.api.status.DataTreeStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.throttle.ConnectionThrottle;
import dev.menagerie.server.impl.throttle.ThrottleSettings;
import dev.menagerie.testing.Components;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A metrics provider reads the numbers mntr prints, under Apache's gauge names; a leader's only while it leads. */
class ServerGaugesTest {

    private final MetricsRegistry registry = Components.create(MetricsRegistry.class).service();
    private Map<String, Object> quorumValues = Map.of();

    @Test
    void serverGaugesReadTheStatusAndQuorumOnesOnlyWhileTheRoleHasThem() {
        ServerStatus status = status();
        ServerStats stats = new ServerStats();
        ConnectionThrottle throttle = new ConnectionThrottle(ThrottleSettings.OFF, () -> 0, () -> 0.5);
        try (ServerGauges gauges = new ServerGauges(registry, status, stats, throttle, () -> 2, () -> null)) {
            Map<String, Number> read = gauges();
            assertEquals(0.0, read.get("connection_drop_probability").doubleValue(), "no drops while not throttled");
            assertEquals(-1, read.get("max_client_response_size").intValue(), "Apache's value before a response");
            stats.responseSizes().sent(188);
            stats.responseSizes().sent(16);
            stats.plainConnectionAccepted(true);
            stats.plainConnectionAccepted(true);
            stats.plainConnectionAccepted(false);
            read = gauges();
            assertEquals(16, read.get("last_client_response_size").intValue());
            assertEquals(16, read.get("min_client_response_size").intValue());
            assertEquals(188, read.get("max_client_response_size").intValue());
            assertEquals(2, read.get("non_mtls_local_conn_count").intValue());
            assertEquals(1, read.get("non_mtls_remote_conn_count").intValue());
            assertEquals(2, read.get("outstanding_tls_handshake").intValue(), "the transport's count");
            assertEquals(7, read.get("znode_count").intValue());
            assertEquals(2, read.get("ephemerals_count").intValue());
            assertEquals(300L, read.get("approximate_data_size").longValue());
            assertEquals(4, read.get("watch_count").intValue());
            assertEquals(3, read.get("num_alive_connections").intValue());
            assertEquals(1.5, read.get("avg_latency").doubleValue());
            assertEquals(11L, read.get("packets_received").longValue());
            assertFalse(read.containsKey("learners"), "a standalone server has no leader gauges: " + read);

            Map<String, Object> leader = new LinkedHashMap<>();
            leader.put("peer_state", "leading - broadcast");
            leader.put("learners", 2);
            leader.put("synced_non_voting_followers", 0);
            leader.put("synced_observers", 1);
            leader.put("leader_uptime", 5000L);
            leader.put("last_proposal_size", 40);
            leader.put("max_proposal_size", 90);
            leader.put("min_proposal_size", 10);
            quorumValues = leader;
            read = gauges();
            for (String name : new String[] {"learners", "synced_non_voting_followers", "synced_observers",
                "leader_uptime", "last_proposal_size", "max_proposal_size", "min_proposal_size"}) {
                assertEquals(((Number) leader.get(name)).doubleValue(), read.get(name).doubleValue(), name);
            }
            assertFalse(read.containsKey("peer_state"), "text values are not gauges");
        }
        assertEquals(Map.of(), gauges(), "closing withdraws every gauge");
    }

    private Map<String, Number> gauges() {
        Map<String, Number> values = new TreeMap<>();
        registry.read(new MetricVisitor() {
            @Override
            public void counter(String name, String key, long value) {
                // none here
            }

            @Override
            public void gauge(String name, String key, Number value) {
                values.put(name, value);
            }

            @Override
            public void summary(String name, String key, SummarySnapshot snapshot) {
                // none here
            }
        });
        return values;
    }

    /** The few status values the gauges read; anything else is not called. */
    private ServerStatus status() {
        return (ServerStatus) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServerStatus.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "summary" -> new ServerSummary("standalone", true, 5, new Latency(1, 1.5, 2), 11, 12, 3, 0,
                            1000, 0, 0);
                    case "dataTree" -> new DataTreeStatus(7, 2, 300, 4, 0);
                    case "sessions" -> new SessionsStatus(2, Map.of(), Map.of());
                    case "quorumMonitorValues" -> quorumValues;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
