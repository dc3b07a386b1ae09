package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.ServerMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ensemble} scheme, registered by {@code authProvider.1=...EnsembleAuthenticationProvider} with
 * {@code ensembleAuthName=alpha,beta}, through Apache's Java client on Apache ZooKeeper 3.9.5 and on Menagerie: a
 * right name and an empty one keep the session, a wrong one drops the connection without AuthFailed (the client
 * keeps reconnecting), the scheme is no ACL scheme, and ensemble_auth_success/fail/skip count each case. Apache
 * registers its providers once per JVM, so the pom runs this class in its own fork.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DifferentialEnsembleAuthTest {

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.authProvider.1", "org.apache.zookeeper.server.auth.EnsembleAuthenticationProvider");
        System.setProperty("zookeeper.ensembleAuthName", "alpha, beta");
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aWrongEnsembleNameDropsTheConnectionAsOnApache() throws Exception {
        Map<String, Object> apache = InJvmApache.observeWithOwnMetrics(dir,
                server -> observe(server.connectString(), name -> switch (name) {
                    case "ensemble_auth_success" -> ServerMetrics.getMetrics().ENSEMBLE_AUTH_SUCCESS.get();
                    case "ensemble_auth_fail" -> ServerMetrics.getMetrics().ENSEMBLE_AUTH_FAIL.get();
                    default -> ServerMetrics.getMetrics().ENSEMBLE_AUTH_SKIP.get();
                }));
        Map<String, Object> menagerie;
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie"), "nio")) {
            menagerie = observe(server.connectString(), name -> server.metrics().counter(name).value());
        }
        assertEquals(expected(), apache, "Apache 3.9.5, which this test describes");
        assertEquals(apache, menagerie, "Menagerie against Apache 3.9.5");
    }

    private static Map<String, Object> expected() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("right name", "created");
        expected.put("empty name", "created");
        expected.put("ensemble ACL", "INVALIDACL");
        expected.put("wrong name", "CONNECTIONLOSS");
        expected.put("wrong name: events until the second disconnection", List.of(KeeperState.SyncConnected,
                KeeperState.Disconnected, KeeperState.SyncConnected, KeeperState.Disconnected));
        expected.put("ensemble_auth_success", 2L); // beta, then alpha before the ACL
        expected.put("ensemble_auth_skip", 1L);
        expected.put("ensemble_auth_fail at least twice", true);
        return expected;
    }

    private static Map<String, Object> observe(String connectString, ToLongFunction<String> counter) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("right name", createAfterAuth(connectString, "beta".getBytes(StandardCharsets.UTF_8), "/right"));
        seen.put("empty name", createAfterAuth(connectString, new byte[0], "/empty"));
        seen.put("ensemble ACL", createWithEnsembleAcl(connectString));
        List<KeeperState> states = new CopyOnWriteArrayList<>();
        ZooKeeper wrong = connected(connectString, states);
        try {
            wrong.addAuthInfo("ensemble", "gamma".getBytes(StandardCharsets.UTF_8));
            seen.put("wrong name", outcome(() -> wrong.exists("/", false)));
            // The client sends its auth data again on every reconnection, and is dropped again each time.
            Await.untilTrue("a second disconnection", WAIT,
                    () -> states.stream().filter(s -> s == KeeperState.Disconnected).count() >= 2);
        } finally {
            wrong.close();
        }
        List<KeeperState> untilSecondDrop = new ArrayList<>();
        int drops = 0;
        for (KeeperState state : states) {
            untilSecondDrop.add(state);
            drops += state == KeeperState.Disconnected ? 1 : 0;
            if (drops == 2) {
                break;
            }
        }
        seen.put("wrong name: events until the second disconnection", untilSecondDrop);
        seen.put("ensemble_auth_success", counter.applyAsLong("ensemble_auth_success"));
        seen.put("ensemble_auth_skip", counter.applyAsLong("ensemble_auth_skip"));
        seen.put("ensemble_auth_fail at least twice", counter.applyAsLong("ensemble_auth_fail") >= 2);
        return seen;
    }

    private static String createAfterAuth(String connectString, byte[] name, String path) throws Exception {
        ZooKeeper zk = connected(connectString, new CopyOnWriteArrayList<>());
        try {
            zk.addAuthInfo("ensemble", name);
            return outcome(() -> zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        } finally {
            zk.close();
        }
    }

    private static String createWithEnsembleAcl(String connectString) throws Exception {
        ZooKeeper zk = connected(connectString, new CopyOnWriteArrayList<>());
        try {
            zk.addAuthInfo("ensemble", "alpha".getBytes(StandardCharsets.UTF_8));
            return outcome(() -> zk.create("/acl", new byte[0],
                    new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("ensemble", "alpha")))),
                    CreateMode.PERSISTENT));
        } finally {
            zk.close();
        }
    }

    private static ZooKeeper connected(String connectString, List<KeeperState> states) throws Exception {
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getType() == org.apache.zookeeper.Watcher.Event.EventType.None) {
                states.add(event.getState());
            }
        });
        Await.untilTrue("the session of " + connectString, WAIT, () -> states.contains(KeeperState.SyncConnected));
        return zk;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static String outcome(Call call) throws InterruptedException {
        try {
            call.run();
            return "created";
        } catch (KeeperException e) {
            return e.code().name();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
