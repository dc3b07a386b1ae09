package dev.menagerie.admin.impl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.json.JsonWriter;
import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.admin.testing.MiniJson;
import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus.Statistics;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.api.status.WatchesStatus;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apache ZooKeeper's commands as an operator reads them, on a fake server's figures. */
class ApacheCommandsTest {

    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final CommandRegistry registry = StandardCommands.registry(() -> status, () -> config,
            () -> "tickTime=2000\n", List::of, List::of, FakeStrategyInventory.distribution(),
            Components.create(MetricsRegistry.class).service());

    private Map<String, Object> get(String name) {
        CommandResponse response = registry.run(name, CommandRequest.get());
        return MiniJson.parseObject(JsonWriter.compact(response.toMap()));
    }

    @Test
    void everyApacheCommandAnswersUnderItsNameAndShortName() {
        Map<String, String> shortNames = Map.ofEntries(Map.entry("connection_stat_reset", "crst"),
                Map.entry("configuration", "conf"), Map.entry("connections", "cons"), Map.entry("hash", "hash"),
                Map.entry("dirs", "dirs"), Map.entry("dump", "dump"), Map.entry("environment", "envi"),
                Map.entry("get_trace_mask", "gtmk"), Map.entry("initial_configuration", "icfg"),
                Map.entry("is_read_only", "isro"), Map.entry("last_snapshot", "lsnp"), Map.entry("leader", "lead"),
                Map.entry("monitor", "mntr"), Map.entry("observer_connection_stat_reset", "orst"),
                Map.entry("restore", "rest"), Map.entry("ruok", "ruok"), Map.entry("set_trace_mask", "stmk"),
                Map.entry("snapshot", "snap"), Map.entry("server_stats", "srvr"), Map.entry("stats", "stat"),
                Map.entry("stat_reset", "srst"), Map.entry("observers", "obsr"),
                Map.entry("system_properties", "sysp"), Map.entry("voting_view", "voting_view"),
                Map.entry("watches", "wchc"), Map.entry("watches_by_path", "wchp"),
                Map.entry("watch_summary", "wchs"), Map.entry("zabstate", "zabstate"));
        assertEquals(28, shortNames.size());
        shortNames.forEach((name, alias) -> {
            assertEquals(name, registry.find(alias).orElseThrow().primaryName(), alias);
            assertTrue(registry.primaryNames().contains(name), name);
        });
    }

    @Test
    void statsReportTheServersFiguresAndBriefConnections() {
        status.connections = List.of(new ConnectionStatus(new InetSocketAddress("127.0.0.1", 50000), 0, 5, 4,
                0x100L, 30000, 1_000L, "GETD", 3, 0x1f, 2_000L, 1, new Latency(1, 1.5, 2)));

        Map<String, Object> stats = get("stat");

        assertEquals("stats", stats.get("command"));
        assertNull(stats.get("error"));
        Map<?, ?> server = (Map<?, ?>) stats.get("server_stats");
        assertEquals("standalone", server.get("server_state"));
        assertEquals(2.5, server.get("avg_latency"));
        assertEquals(0x1fL, server.get("last_processed_zxid"));
        assertEquals(6L, stats.get("node_count"));
        assertEquals(List.of(Map.of("remote_socket_address", "127.0.0.1:50000", "outstanding_requests", 0L,
                "packets_received", 5L, "packets_sent", 4L)), stats.get("connections"));
        Map<?, ?> full = (Map<?, ?>) ((List<?>) get("cons").get("connections")).get(0);
        assertEquals(256L, full.get("session_id"));
        assertEquals("GETD", full.get("last_operation"));
        assertEquals(1L, full.get("avg_latency"));
    }

    @Test
    void sessionsWatchesAndFilesUseApachesKeys() {
        status.sessions = new SessionsStatus(1, Map.of(40_000L, List.of(0x10L)), Map.of(0x10L, List.of("/e")));
        status.watches = new WatchesStatus(1, 2, 2, List.of(new WatchesStatus.ConnectionWatches(0x10, List.of("/a",
                "/b"))), Map.of("/a", List.of(0x10L), "/b", List.of(0x10L)));

        assertEquals(Map.of("40000", List.of(16L)), get("dump").get("expiry_time_to_session_ids"));
        assertEquals(Map.of("16", List.of("/e")), get("dump").get("session_id_to_ephemeral_paths"));
        assertEquals(Map.of("16", List.of("/a", "/b")), get("wchc").get("session_id_to_watched_paths"));
        assertEquals(List.of(16L), ((Map<?, ?>) get("wchp").get("path_to_session_ids")).get("/a"));
        assertEquals(2L, get("wchs").get("num_total_watches"));
        assertEquals(1024L, get("dirs").get("datadir_size"));
        assertEquals("1e", get("lsnp").get("zxid"));
        assertEquals(1_796_646_278L, get("lsnp").get("timestamp"));
        assertEquals(false, get("isro").get("read_only"));
        assertEquals("tickTime=2000\n", get("icfg").get("initial_configuration"));
        assertEquals(List.of(Map.of("zxid", 0x80L, "digest_version", 2L, "digest", 987654321L)),
                get("hash").get("digests"));
        assertEquals("standalone", get("mntr").get("server_state"));
    }

    @Test
    void resetsZeroTheServersCounters() {
        get("srst");
        get("crst");

        assertEquals(List.of(Statistics.SERVER, Statistics.CONNECTIONS), status.resets);
    }

    @Test
    void aStandaloneServerAnswersTheQuorumCommandsAsApachesDoes() {
        assertEquals("server is not initialized", get("leader").get("error"));
        assertEquals(Map.of(), get("voting_view").get("current_config"));
        assertEquals(false, get("zabstate").get("voting"));
        assertEquals("", get("zabstate").get("zabstate"));
        assertEquals(0L, get("observers").get("synced_observers"));
    }

    @Test
    void aQuorumMemberReportsItsLeaderViewAndZabState() {
        config.standalone = false;
        config.myId = 2L;
        config.members = List.of(member(1, LearnerType.PARTICIPANT), member(2, LearnerType.PARTICIPANT),
                member(3, LearnerType.OBSERVER));
        status.quorum = new QuorumStatus(1, "broadcast");
        status.summary = new ServerSummary("follower", true, 0x300000005L, Latency.NONE, 0, 0, 0, 0, 1, 0, 0);

        Map<String, Object> leader = get("leader");
        assertEquals(false, leader.get("is_leader"));
        assertEquals(1L, leader.get("leader_id"));
        assertEquals("10.0.0.1", leader.get("leader_ip"));
        Map<?, ?> view = (Map<?, ?>) get("voting_view").get("current_config");
        assertEquals(List.of("1", "2"), List.copyOf(view.keySet()));
        assertEquals(Map.of("server_addresses", List.of("10.0.0.2:2888"), "election_addresses",
                List.of("10.0.0.2:3888"), "client_address", "10.0.0.2:2181", "learner_type", "participant"),
                view.get("2"));
        Map<String, Object> zab = get("zabstate");
        assertEquals(2L, zab.get("myid"));
        assertEquals(true, zab.get("voting"));
        assertEquals("0x300000005", zab.get("last_zxid"));
        assertEquals(3L, zab.get("zab_epoch"));
        assertEquals(5L, zab.get("zab_counter"));
        assertEquals("broadcast", zab.get("zabstate"));
        assertEquals("10.0.0.2:2888", ((Map<?, ?>) zab.get("quorum_address")).get("one"));
        assertEquals(List.of(3888L), ((Map<?, ?>) zab.get("election_address")).get("all_ports"));
    }

    @Test
    void commandsThatNeedAServerSayNoneServesWhileApachesDoNot() {
        status.summary = new ServerSummary("follower", false, 0, Latency.NONE, 0, 0, 0, 0, 1, 0, 0);

        Map<String, Object> stats = get("stat");
        assertEquals("stat", stats.get("command"));
        assertEquals("This ZooKeeper instance is not currently serving requests", stats.get("error"));
        assertNull(get("gtmk").get("error"));
        assertEquals(false, get("zabstate").get("voting"));
    }

    @Test
    void setTraceMaskNeedsALongAndTheMaskIsKept() {
        try {
            assertEquals(TraceMaskCommands.MISSING_MASK, get("stmk").get("error"));
            CommandResponse bad = registry.run("stmk", CommandRequest.get(Map.of("traceMask", "x")));
            assertEquals(TraceMaskCommands.MISSING_MASK + ", got x", bad.error());
            registry.run("stmk", CommandRequest.get(Map.of("traceMask", "12")));
            assertEquals(12L, get("gtmk").get("tracemask"));
        } finally {
            TraceMask.set(TraceMask.DEFAULT);
        }
    }

    private static QuorumMember member(long id, LearnerType type) {
        String host = "10.0.0." + id;
        return new QuorumMember(id, new HostPort(host, 2888), new HostPort(host, 3888), new HostPort(host, 2181),
                type, QuorumMember.NO_GROUP, 1);
    }
}
