package dev.menagerie.it.process.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember.Impl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The admin commands that only an ensemble answers in full ({@code leader}, {@code voting_view}, {@code zabstate},
 * {@code observers}, and a leader's {@code proposal_stats}) compared between a 3-server Apache ZooKeeper 3.9.5
 * ensemble with its admin servers and a 3-server Menagerie ensemble: on the leader and on a follower, the same
 * HTTP status and JSON shape, and values that say the same about the ensemble.
 */
class AdminQuorumDifferentialTest {

    private static final List<String> JVM_FLAGS = List.of("-Xmx256m");
    private static final int TICK_MS = 1_000;
    private static final int INIT_LIMIT_TICKS = 10;
    private static final int SYNC_LIMIT_TICKS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> COMMANDS = List.of("leader", "voting_view", "zabstate", "observers",
            "observer_connection_stat_reset", "server_stats", "stats", "is_read_only", "last_snapshot", "hash",
            "monitor", "connections", "watches", "dump");

    private final AdminComparison comparison = new AdminComparison();

    @Test
    void leaderAndFollowerAnswerWithApachesShapesAndTheSameView() throws Exception {
        try (Ensemble apache = Ensemble.start(Impl.APACHE, layout(), "admin-quorum", JVM_FLAGS);
                Ensemble menagerie = Ensemble.start(Impl.MENAGERIE, layout(), "admin-quorum", JVM_FLAGS)) {
            apache.awaitWritable(START_TIMEOUT);
            menagerie.awaitWritable(START_TIMEOUT);
            int apacheLeader = apache.awaitLeader(START_TIMEOUT);
            int menagerieLeader = menagerie.awaitLeader(START_TIMEOUT);
            int apacheFollower = apacheLeader % 3 + 1;
            int menagerieFollower = menagerieLeader % 3 + 1;
            ZooKeeper apacheClient = apache.syncedClient(apacheFollower, START_TIMEOUT);
            ZooKeeper menagerieClient = menagerie.syncedClient(menagerieFollower, START_TIMEOUT);
            try {
                AdminCommandsDifferentialTest.workload(apacheClient);
                AdminCommandsDifferentialTest.workload(menagerieClient);
                List<String> differences = new ArrayList<>();
                differences.addAll(compareAll("leader", admin(apache, apacheLeader),
                        admin(menagerie, menagerieLeader), apache, menagerie));
                differences.addAll(compareAll("follower", admin(apache, apacheFollower),
                        admin(menagerie, menagerieFollower), apache, menagerie));
                assertEquals(List.of(), differences, "admin commands of an ensemble that differ from Apache "
                        + "ZooKeeper 3.9.5 beyond the allowed list; work folders " + apache.workDir() + " and "
                        + menagerie.workDir());

                URI leader = admin(menagerie, menagerieLeader);
                URI follower = admin(menagerie, menagerieFollower);
                assertEquals(true, comparison.get(leader, "leader").get("is_leader").asBoolean());
                assertEquals(menagerieLeader, comparison.get(follower, "lead").get("leader_id").asInt());
                assertEquals("127.0.0.1", comparison.get(follower, "lead").get("leader_ip").asText());
                JsonNode zab = comparison.get(follower, "zabstate");
                assertEquals("broadcast", zab.get("zabstate").asText(), zab.toString());
                assertEquals(true, zab.get("voting").asBoolean());
                assertEquals(menagerieFollower, zab.get("myid").asInt());
                assertEquals(3, comparison.get(follower, "voting_view").get("current_config").size());
                assertEquals(true, comparison.get(leader, "srvr").has("proposal_stats"));
            } finally {
                Clients.closeQuietly(apacheClient);
                Clients.closeQuietly(menagerieClient);
            }
        }
    }

    /** Three voters; the admin servers on (Apache's is off by default in these tests). */
    private static EnsembleLayout layout() {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, TICK_MS, INIT_LIMIT_TICKS, SYNC_LIMIT_TICKS);
        return layout.withTemplate(layout.configText(1, Path.of("data")) + "admin.enableServer=true\n");
    }

    private static URI admin(Ensemble ensemble, int id) {
        return AdminComparison.base(ensemble.layout().member(id).adminPort());
    }

    private List<String> compareAll(String role, URI apache, URI menagerie, Ensemble apacheEnsemble,
            Ensemble menagerieEnsemble) throws Exception {
        comparison.awaitServing(apache, START_TIMEOUT, "Apache's " + role + " in " + apacheEnsemble.workDir());
        comparison.awaitServing(menagerie, START_TIMEOUT, "Menagerie's " + role + " in "
                + menagerieEnsemble.workDir());
        List<String> differences = new ArrayList<>();
        for (String command : COMMANDS) {
            for (String difference : comparison.differences(command, "GET", apache, menagerie)) {
                differences.add(role + ": " + difference);
            }
        }
        return differences;
    }
}
