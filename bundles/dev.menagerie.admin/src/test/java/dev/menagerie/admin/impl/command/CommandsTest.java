package dev.menagerie.admin.impl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.environment.Environment;
import dev.menagerie.admin.impl.json.JsonWriter;
import dev.menagerie.admin.impl.runtime.BundleInfo;
import dev.menagerie.admin.impl.runtime.ComponentIssue.Kind;
import dev.menagerie.admin.impl.runtime.ComponentIssue;
import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.admin.testing.MiniJson;
import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class CommandsTest {

    private final FakeServerConfig config = new FakeServerConfig();

    private static Map<String, Object> json(CommandResponse response) {
        return MiniJson.parseObject(JsonWriter.compact(response.toMap()));
    }

    @Test
    void ruokIsJustCommandAndNullError() {
        assertEquals("{\"command\":\"ruok\",\"error\":null}", JsonWriter.compact(new RuokCommand().run(CommandRequest.get()).toMap()));
    }

    @Test
    void configurationUsesApacheFieldNames() {
        config.myId = 3L;
        config.clientAddress = new HostPort("10.0.0.1", 2182);

        Map<String, Object> json = json(new ConfigurationCommand(() -> config).run(CommandRequest.get()));

        assertEquals("configuration", json.get("command"));
        assertNull(json.get("error"));
        assertEquals(2182L, json.get("client_port"));
        assertEquals("/var/lib/menagerie/data/version-2", json.get("data_dir"));
        assertEquals("/var/lib/menagerie/log/version-2", json.get("data_log_dir"));
        assertEquals(2000L, json.get("tick_time"));
        assertEquals(60L, json.get("max_client_cnxns"));
        assertEquals(4000L, json.get("min_session_timeout"));
        assertEquals(40000L, json.get("max_session_timeout"));
        assertEquals(3L, json.get("server_id"));
        assertEquals(-1L, json.get("client_port_listen_backlog"));
        assertEquals("/etc/menagerie/zoo.cfg", json.get("config_file"));
    }

    @Test
    void configurationListsQuorumMembersAsZooCfgLines() {
        config.standalone = false;
        config.members = List.of(
                new QuorumMember(1, new HostPort("a", 2888), new HostPort("a", 3888), new HostPort("a", 2181),
                        LearnerType.PARTICIPANT, QuorumMember.NO_GROUP, 1),
                new QuorumMember(2, new HostPort("b", 2888), new HostPort("b", 3888), null,
                        LearnerType.OBSERVER, QuorumMember.NO_GROUP, 1));

        Map<String, Object> json = json(new ConfigurationCommand(() -> config).run(CommandRequest.get()));

        assertEquals(List.of("server.1=a:2888:3888:participant;a:2181", "server.2=b:2888:3888:observer"),
                json.get("servers"));
        assertEquals(false, json.get("standalone"));
    }

    @Test
    void configurationWithoutClientPortReportsMinusOneLikeApache() {
        config.clientAddress = null;

        assertEquals(-1L, json(new ConfigurationCommand(() -> config).run(CommandRequest.get())).get("client_port"));
    }

    @Test
    void configurationBeforeAnyConfigIsAnErrorWith503() {
        CommandResponse response = new ConfigurationCommand(() -> null).run(CommandRequest.get());

        assertEquals(503, response.httpStatus());
        assertEquals("No configuration has been published yet", response.error());
    }

    @Test
    void environmentReportsApachesKeysAndNaForMissingProperties() {
        Map<String, String> props = Map.of("java.version", "17.0.15", "os.name", "Linux", "user.dir", "/srv");
        EnvironmentCommand command = new EnvironmentCommand(() -> "3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC",
                new Environment(() -> "zoo.example", props::get));

        Map<String, Object> json = json(command.run(CommandRequest.get()));

        assertEquals("environment", json.get("command"));
        assertEquals("3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC", json.get("zookeeper.version"));
        assertEquals("zoo.example", json.get("host.name"));
        assertEquals("17.0.15", json.get("java.version"));
        assertEquals("Linux", json.get("os.name"));
        assertEquals("/srv", json.get("user.dir"));
        assertEquals("<NA>", json.get("user.name"));
        assertTrue(((String) json.get("os.memory.max")).endsWith("MB"));
        assertTrue(command.names().containsAll(List.of("env", "envi")));
    }

    @Test
    void systemPropertiesAreAllListedSortedByName() {
        Properties properties = new Properties();
        properties.setProperty("zookeeper.x", "\"quoted\"");
        properties.setProperty("a.first", "1");

        Map<String, Object> json = json(new SystemPropertiesCommand(() -> properties).run(CommandRequest.get()));

        assertEquals(List.of("command", "error", "a.first", "zookeeper.x"), List.copyOf(json.keySet()));
        assertEquals("\"quoted\"", json.get("zookeeper.x"));
    }

    @Test
    void runtimeStatusReportsModeBundlesComponentsAndStrategies() {
        config.revision = 7;
        config.cnxnFactoryType = "netty";
        List<BundleInfo> bundles = List.of(
                new BundleInfo("org.apache.felix.framework", Bundle.ACTIVE, false),
                new BundleInfo("dev.menagerie.logging.config", Bundle.RESOLVED, true),
                new BundleInfo("dev.menagerie.transport.netty", Bundle.INSTALLED, false),
                new BundleInfo("dev.menagerie.quorum", Bundle.RESOLVED, false));
        List<ComponentIssue> issues = List.of(
                new ComponentIssue("dev.menagerie.quorum.Peer", Kind.UNSATISFIED, "missing reference cnxnFactory"),
                new ComponentIssue("dev.menagerie.example", Kind.WAITING_FOR_CONFIGURATION, ""));
        FakeServerStatus server = new FakeServerStatus();
        server.summary = new ServerSummary("leader", true, 0, Latency.NONE, 0, 0, 0, 0, 0, 0, 0);
        RuntimeStatusCommand command = new RuntimeStatusCommand(() -> config, () -> server, () -> bundles,
                () -> issues, FakeStrategyInventory.distribution());

        Map<String, Object> json = json(command.run(CommandRequest.get()));

        assertEquals("runtime_status", json.get("command"));
        assertNull(json.get("error"));
        assertEquals("standalone", json.get("mode"));
        assertEquals("leader", json.get("server_state"));
        assertEquals("/etc/menagerie/zoo.cfg", json.get("config_file"));
        assertEquals(7L, json.get("config_revision"));
        assertEquals(4L, json.get("bundles_total"));
        assertEquals(2L, json.get("bundles_active"));
        assertEquals(List.of("dev.menagerie.transport.netty INSTALLED", "dev.menagerie.quorum RESOLVED"),
                json.get("inactive_bundles"));
        assertEquals(List.of("dev.menagerie.quorum.Peer (missing reference cnxnFactory)"),
                json.get("unsatisfied_components"));
        assertEquals(List.of("dev.menagerie.example"), json.get("waiting_components"));
        assertEquals(Map.of("cnxnFactory", "netty", "storage", "file", "election", "fast", "verifier", "majority"),
                json.get("strategies"));
        assertEquals(List.of(), json.get("missing_strategies"));
    }

    @Test
    void runtimeStatusListsEachSelectedTypeNoInstalledBundleProvides() {
        config.standalone = false;
        config.electionType = "priority";
        config.storageType = "memory";
        RuntimeStatusCommand command = new RuntimeStatusCommand(() -> config, () -> null, List::of, List::of,
                FakeStrategyInventory.distribution());

        assertEquals(List.of("storage=memory: no installed bundle provides it (installed: file)",
                "electionType=priority: no installed bundle provides it (installed: fast)"),
                json(command.run(CommandRequest.get())).get("missing_strategies"));
    }

    @Test
    void runtimeStatusSaysQuorumOrUnconfigured() {
        config.standalone = false;
        RuntimeStatusCommand quorum = new RuntimeStatusCommand(() -> config, () -> null, List::of, List::of,
                FakeStrategyInventory.distribution());
        RuntimeStatusCommand unconfigured = new RuntimeStatusCommand(() -> (ServerConfig) null, () -> null, List::of,
                List::of, FakeStrategyInventory.distribution());

        assertEquals("quorum", json(quorum.run(CommandRequest.get())).get("mode"));
        Map<String, Object> none = json(unconfigured.run(CommandRequest.get()));
        assertEquals("unconfigured", none.get("mode"));
        assertNull(none.get("server_state"));
        assertNull(none.get("config_file"));
        assertNull(none.get("config_revision"));
        assertEquals(Map.of(), none.get("strategies"));
    }

    @Test
    void standardRegistryAnswersApacheAliases() {
        CommandRegistry registry = StandardCommands.registry(FakeServerStatus::new, () -> config, () -> "",
                List::of, List::of, FakeStrategyInventory.distribution(), Components.create(MetricsRegistry.class).service());

        assertEquals("configuration", registry.run("conf", CommandRequest.get()).command());
        assertEquals("environment", registry.run("envi", CommandRequest.get()).command());
        assertEquals("system_properties", registry.run("sysp", CommandRequest.get()).command());
        assertEquals("monitor", registry.run("mntr", CommandRequest.get()).command());
    }

    @Test
    void monitorHasMntrsValuesAsJsonFieldsAndWaitsForAServingServer() {
        MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
        metrics.summary("fsynctime", Detail.BASIC).record(5);
        FakeServerStatus status = new FakeServerStatus();

        Map<String, Object> json = json(StandardCommands.registry(() -> status, () -> config, () -> "", List::of,
                List::of, FakeStrategyInventory.distribution(), metrics).run("monitor", CommandRequest.get()));

        assertEquals("monitor", json.get("command"));
        assertNull(json.get("error"));
        assertEquals("standalone", json.get("server_state"));
        assertEquals(6L, json.get("znode_count"));
        assertEquals(5.0, json.get("avg_fsynctime"));
        assertEquals(1L, json.get("cnt_fsynctime"));
        CommandResponse none = StandardCommands.registry(() -> null, () -> config, () -> "", List::of, List::of,
                FakeStrategyInventory.distribution(), metrics).run("mntr", CommandRequest.get());
        assertEquals("This ZooKeeper instance is not currently serving requests", none.error());
    }
}
