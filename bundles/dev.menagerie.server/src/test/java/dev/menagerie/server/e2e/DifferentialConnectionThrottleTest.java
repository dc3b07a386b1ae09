package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connection_throttle_tokens=2} with no refill, on Apache ZooKeeper 3.9.5 and on Menagerie, through Apache's
 * Java client: two sessions open, the third client's connect requests are refused (it never gets a session) and
 * counted in connection_rejected, the two open sessions keep working, and mntr shows the same token deficits and
 * drop probability. Apache reads the throttle's settings once per JVM, so the pom runs this class in its own fork.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DifferentialConnectionThrottleTest {

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.connection_throttle_tokens", "2");
        System.setProperty("zookeeper.connection_throttle_fill_count", "0");
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        FourLetterCommands.resetWhiteList();
    }

    @TempDir
    Path dir;

    @Test
    void theThirdClientIsRefusedAndTheFirstTwoKeepTheirSessionsAsOnApache() throws Exception {
        Map<String, Object> apache = InJvmApache.observeWithOwnMetrics(dir,
                server -> observe(server.connectString(), server.port()));
        Map<String, Object> menagerie;
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie"), "nio")) {
            menagerie = observe(server.connectString(), server.port());
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("third client states", List.of());
        expected.put("open sessions", "still served");
        expected.put("zk_connection_rejected at least 2", true);
        expected.put("zk_cnt_connection_token_deficit", "2");
        expected.put("zk_max_connection_token_deficit", "2");
        expected.put("zk_connection_drop_probability", "0.0");
        assertEquals(expected, apache, "Apache 3.9.5, which this test describes");
        assertEquals(apache, menagerie, "Menagerie against Apache 3.9.5");
    }

    private static long rejected(int port) {
        try {
            return Long.parseLong(DifferentialMonitorTest.mntr(port).get("zk_connection_rejected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> observe(String connectString, int port) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        ZooKeeper first = JavaClientSmokeTest.connect(connectString, new LinkedBlockingQueue<>());
        ZooKeeper second = JavaClientSmokeTest.connect(connectString, new LinkedBlockingQueue<>());
        List<KeeperState> states = new CopyOnWriteArrayList<>();
        ZooKeeper third = new ZooKeeper(connectString, 10_000, event -> states.add(event.getState()));
        try {
            // The refused client keeps retrying; two refusals show it is not a one-off.
            Await.untilTrue("two refused connect requests", Duration.ofSeconds(30),
                    () -> rejected(port) >= 2);
            seen.put("third client states", List.copyOf(states));
            first.create("/throttled", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            second.getData("/throttled", false, null);
            seen.put("open sessions", "still served");
            Map<String, String> mntr = DifferentialMonitorTest.mntr(port);
            seen.put("zk_connection_rejected at least 2", Long.parseLong(mntr.get("zk_connection_rejected")) >= 2);
            for (String key : List.of("zk_cnt_connection_token_deficit", "zk_max_connection_token_deficit",
                    "zk_connection_drop_probability")) {
                seen.put(key, mntr.get(key));
            }
        } finally {
            third.close();
            first.close();
            second.close();
        }
        return seen;
    }
}
