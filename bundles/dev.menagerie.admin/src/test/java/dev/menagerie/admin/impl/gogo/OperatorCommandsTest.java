package dev.menagerie.admin.impl.gogo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.impl.strategy.StrategyRole;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.admin.StrategyRoleState;
import dev.menagerie.api.admin.StrategySwitchResult;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.ServingConfiguration;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.api.status.SnapshotFile;
import dev.menagerie.testing.FakeServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text each {@code menagerie:} command prints, against a fake server. */
class OperatorCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path folder;

    private final FakeStrategyInventory strategies = FakeStrategyInventory.distribution();
    private final MenagerieCommands commands = new MenagerieCommands(List::of, List::of, strategies, 1_000);
    private final FakeServerStatus server = new FakeServerStatus();

    @Test
    void statusOfAnEnsembleLeaderNamesTheLeaderPhaseMembersAndSyncedLearners() {
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        config.myId = 2L;
        config.members = List.of(member(1, LearnerType.PARTICIPANT), member(2, LearnerType.PARTICIPANT),
                member(3, LearnerType.OBSERVER));
        commands.bindServerConfig(config);
        server.summary = new ServerSummary("leader", true, 0x100000005L, Latency.NONE, 0, 0, 2, 1, 0, 0, 0);
        server.quorum = new QuorumStatus(2, "broadcast");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learners", 2);
        values.put("synced_followers", 1);
        values.put("synced_observers", 1);
        server.quorumMonitorValues = values;
        commands.bindServerStatus(server);

        String status = commands.status();

        assertTrue(status.startsWith("mode:        quorum" + NL + "server:      leader" + NL), status);
        assertTrue(status.endsWith(String.join(NL,
                "serving:     yes",
                "zxid:        0x100000005",
                "clients:     2 connections, 0 sessions, 1 outstanding request",
                "leader:      2 (zab phase broadcast)",
                "synced:      1 followers, 1 observers of 2 learners",
                "members: 3",
                "  1 participant 10.0.0.1:2888:3888 client 10.0.0.1:2181",
                "  2 participant 10.0.0.2:2888:3888 client 10.0.0.2:2181 [leader] [this server]",
                "  3 observer 10.0.0.3:2888:3888 client 10.0.0.3:2181",
                "")), status);
    }

    @Test
    void connectionsListsEachClientWithItsSession() {
        server.connections = List.of(
                connection("10.0.0.9", 40000, 0, 0),
                connection("10.0.0.7", 51234, 0x1000a2c3d0000L, 1_000));
        commands.bindServerStatus(server);

        assertEquals(String.join(NL,
                "2 connections",
                "  /10.0.0.9:40000 no session yet, 0 outstanding, 3 received, 2 sent, last NA,"
                        + " latency min/avg/max 1/2.5/7 ms",
                "  /10.0.0.7:51234 session 0x1000a2c3d0000 timeout 30000 ms, 0 outstanding, 3 received, 2 sent,"
                        + " last NA, latency min/avg/max 1/2.5/7 ms",
                ""), commands.connections());
    }

    @Test
    void sessionsListsExpiryAndEphemerals() {
        long now = System.currentTimeMillis();
        server.sessions = new SessionsStatus(2, Map.of(now + 3_600_000, List.of(0x11L, 0x12L)),
                Map.of(0x11L, List.of("/locks/a", "/locks/b")));
        commands.bindServerStatus(server);

        List<String> lines = commands.sessions().lines().map(l -> l.replaceAll("in [0-9]+ ms", "in N ms")).toList();

        assertEquals(List.of("2 sessions",
                "  0x11 expires in N ms unless the client is heard from, 2 ephemerals",
                "    /locks/a",
                "    /locks/b",
                "  0x12 expires in N ms unless the client is heard from, 0 ephemerals"), lines);
    }

    @Test
    void strategiesShowsSelectedBoundAndInstalledPerRole() {
        commands.bindServerConfig(new FakeServerConfig());
        strategies.bound.put(StrategyRole.VERIFIER, List.of());

        assertEquals(String.join(NL,
                "cnxnFactory (zoo.cfg serverCnxnFactory): selected nio, bound nio",
                "  installed: netty  dev.menagerie.transport.netty 1.0.0",
                "             nio    dev.menagerie.transport.nio 1.0.0",
                "storage (zoo.cfg storage): selected file, bound file",
                "  installed: file  dev.menagerie.storage.file 1.0.0",
                "election (zoo.cfg electionType): selected fast, bound fast",
                "  installed: fast  dev.menagerie.election.fle 1.0.0",
                "verifier (zoo.cfg quorumVerifier): selected majority, bound (none)",
                "  installed: hierarchical  dev.menagerie.quorum.hierarchical 1.0.0",
                "             majority      dev.menagerie.quorum.majority 1.0.0",
                ""), commands.strategies());
    }

    @Test
    void switchWithoutTheSwitcherIsRefused() throws Exception {
        commands.bindServerConfig(new FakeServerConfig());

        assertEquals("Refused: the admin bundle's strategy switcher is not registered" + NL,
                commands._switch("cnxnFactory", "netty"));
    }

    @Test
    void switchPrintsWhatTheSwitcherSaidAfterWaitingForIt() throws Exception {
        List<String> calls = new ArrayList<>();
        commands.bindStrategySwitcher(new StrategySwitcher() {
            @Override
            public List<StrategyRoleState> roles() {
                return List.of();
            }

            @Override
            public StrategySwitchResult switchStrategy(String role, String type, long timeoutMs) {
                calls.add(role + " " + type + " " + timeoutMs);
                return new StrategySwitchResult(StrategySwitchResult.Outcome.SWITCHED, "cnxnFactory: nio -> netty");
            }
        });

        assertEquals("cnxnFactory: nio -> netty" + NL, commands._switch("serverCnxnFactory", "netty"));
        assertEquals(List.of("serverCnxnFactory netty 1000"), calls);
    }

    @Test
    void snapshotNamesTheFileItWrote() throws IOException {
        Path file = Files.write(folder.resolve("snapshot.1f"), new byte[1234]);
        server.snapshotFile = new SnapshotFile(0x1f, file);
        commands.bindServerStatus(server);

        assertEquals("snapshot 0x1f written: " + file + " (1234 bytes)" + NL, commands.snapshot());
        assertEquals(1, server.snapshotsTaken);
    }

    @Test
    void aFailedSnapshotIsOneSentence() {
        commands.bindServerStatus(server);

        assertEquals("snapshot failed: no snapshot file set in the fake" + NL, commands.snapshot());
    }

    @Test
    void purgeListsWhatItDeletedAndCountsWhatItKept() throws IOException {
        Path data = Files.createDirectories(folder.resolve("data/version-2"));
        Path logs = Files.createDirectories(folder.resolve("logs/version-2"));
        for (String name : List.of("snapshot.1", "snapshot.5", "snapshot.9", "snapshot.c", "acceptedEpoch")) {
            Files.writeString(data.resolve(name), name);
        }
        Files.writeString(logs.resolve("log.1"), "old");
        Files.writeString(logs.resolve("log.6"), "new");
        server.configuration = new ServingConfiguration(2181, folder.resolve("data"), folder.resolve("logs"), 2000,
                60, 4000, 40000, 0, "");
        server.purgeAction = () -> {
            Files.delete(data.resolve("snapshot.1"));
            Files.delete(logs.resolve("log.1"));
        };
        commands.bindServerStatus(server);

        assertEquals(String.join(NL,
                "purge deleted 2 files; kept 3 snapshots and 1 transaction log",
                "  deleted " + data.resolve("snapshot.1"),
                "  deleted " + logs.resolve("log.1"),
                ""), commands.purge());
        assertEquals(1, server.purges);
    }

    @Test
    void commandsThatNeedTheServerSaySoWhenNoneRuns() {
        assertEquals(List.of(MenagerieCommands.NO_SERVER, MenagerieCommands.NO_SERVER, MenagerieCommands.NO_SERVER,
                MenagerieCommands.NO_SERVER), List.of(commands.connections(), commands.sessions(),
                commands.snapshot(), commands.purge()));
    }

    @Test
    void transferPrintsTheOutcomeOrTheRefusal() {
        assertEquals(MenagerieCommands.NO_SERVER, commands.transfer(2));
        commands.bindServerStatus(server);
        server.transferOutcome = new LeadershipTransfer(true, 2, 2, 310, "server 2 was elected leader 310 ms after"
                + " requests were held");
        assertEquals("Transferred: server 2 was elected leader 310 ms after requests were held" + NL,
                commands.transfer(2));
        server.transferOutcome = LeadershipTransfer.refused(3, "server 3 is not a voting member");
        assertEquals("Not transferred: server 3 is not a voting member" + NL, commands.transfer(3));
        assertEquals(List.of(2L, 3L), server.transferTargets);
    }

    @Test
    void usageDescribesEveryRegisteredCommandWithItsParameters() {
        String help = commands.usage();

        List<String> listed = help.lines().filter(line -> line.startsWith("menagerie:"))
                .map(line -> line.substring("menagerie:".length()).split(" ")[0]).sorted().toList();
        assertEquals(registeredFunctions(), listed);
        assertTrue(help.contains("menagerie:switch <role> <type>" + NL
                + "    select another strategy for a role"), help);
        assertTrue(help.contains("    <type>: the strategy's type, such as nio or netty" + NL), help);
    }

    /** The functions the component registers with Gogo (its osgi.command.function property). */
    private static List<String> registeredFunctions() {
        return List.of("config", "connections", "purge", "sessions", "snapshot", "status", "strategies", "switch",
                "transfer", "usage");
    }

    private static QuorumMember member(long id, LearnerType type) {
        String host = "10.0.0." + id;
        return new QuorumMember(id, new HostPort(host, 2888), new HostPort(host, 3888), new HostPort(host, 2181),
                type, QuorumMember.NO_GROUP, 1);
    }

    private static ConnectionStatus connection(String host, int port, long sessionId, long establishedMs) {
        return new ConnectionStatus(new InetSocketAddress(host, port), 0, 3, 2, sessionId, 30_000, establishedMs,
                "NA", -1, 0, 0, 0, new Latency(1, 2.5, 7));
    }
}
