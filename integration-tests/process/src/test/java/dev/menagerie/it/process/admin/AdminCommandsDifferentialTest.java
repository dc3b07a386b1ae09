package dev.menagerie.it.process.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Apache ZooKeeper 3.9.5 with its Jetty admin server and Menagerie, each with the same small workload, answer every
 * one of Apache's 28 admin commands with the same HTTP status and the same JSON shape: the same keys, recursively,
 * with the same value types. The differences that remain are listed in {@link AllowedDifferences} with their
 * reasons (and in docs/operations.md).
 */
class AdminCommandsDifferentialTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** More than 128 transactions, so that Apache's digest log (one entry per 128 zxids) is not empty. */
    private static final int WORKLOAD_NODES = 140;

    /** Apache's 28 commands by primary name, and the same calls with the arguments they take. */
    static final List<String> COMMANDS = List.of("connection_stat_reset", "configuration", "connections", "hash",
            "dirs", "dump", "environment", "get_trace_mask", "initial_configuration", "is_read_only",
            "last_snapshot", "leader", "monitor", "observer_connection_stat_reset", "restore", "ruok",
            "set_trace_mask", "snapshot", "server_stats", "stats", "stat_reset", "observers", "system_properties",
            "voting_view", "watches", "watches_by_path", "watch_summary", "zabstate");
    static final List<String> CALLS_WITH_ARGUMENTS = List.of("set_trace_mask?traceMask=306",
            "snapshot?streaming=false");

    private final AdminComparison comparison = new AdminComparison();

    @Test
    void everyCommandAnswersWithApachesStatusKeysAndValueTypes() throws Exception {
        Path work = Distribution.newWorkDir("admin-differential");
        int apacheAdminPort = FreePorts.next();
        try (ApacheServer apache = ApacheServer.forTest("apache", work, Map.of(
                        "admin.enableServer", "true",
                        "admin.serverAddress", "127.0.0.1",
                        "admin.serverPort", String.valueOf(apacheAdminPort)));
                MenagerieServer menagerie = MenagerieServer.forTest("menagerie", work, Map.of())) {
            apache.start();
            menagerie.start();
            ZooKeeper apacheClient = Clients.awaitServing(apache, START_TIMEOUT);
            ZooKeeper menagerieClient = Clients.awaitServing(menagerie, START_TIMEOUT);
            try {
                workload(apacheClient);
                workload(menagerieClient);
                URI apacheBase = AdminComparison.base(apacheAdminPort);
                URI menagerieBase = AdminComparison.base(menagerie.adminPort());
                comparison.awaitServing(apacheBase, START_TIMEOUT, apache);
                comparison.awaitServing(menagerieBase, START_TIMEOUT, menagerie);

                List<String> differences = new ArrayList<>();
                List<String> calls = new ArrayList<>(COMMANDS);
                calls.addAll(CALLS_WITH_ARGUMENTS);
                for (String call : calls) {
                    differences.addAll(comparison.differences(call, "GET", apacheBase, menagerieBase));
                }
                differences.addAll(comparison.differences("restore", "POST", apacheBase, menagerieBase));
                assertEquals(List.of(), differences, "admin commands that differ from Apache ZooKeeper 3.9.5 "
                        + "beyond the allowed list (apache output " + apache.outputFile() + ", menagerie output "
                        + menagerie.outputFile() + ")");
            } finally {
                Clients.closeQuietly(apacheClient);
                Clients.closeQuietly(menagerieClient);
            }
        }
    }

    /** Nodes, an ephemeral and watches of each kind, so that every list and map has members to compare. */
    static void workload(ZooKeeper client) throws Exception {
        client.create("/admin", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < WORKLOAD_NODES; i++) {
            client.create("/admin/n" + i, new byte[] {2}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        client.create("/admin-ephemeral", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        client.getData("/admin", true, null);
        client.getChildren("/admin", true);
        client.exists("/admin-ephemeral", true);
    }
}
