package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.MetricCounts;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client's connection moves in the metrics {@code mntr} prints, under Apache's names. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionMetricsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void aConnectionTheClientClosesCountsAsDroppedAndOneTheServerClosesDoesNot(String transport) throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, transport)) {
            MetricsRegistry metrics = server.metrics();
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                Await.untilTrue("the connection accepted", Duration.ofSeconds(20),
                        () -> MetricCounts.count(metrics, "num_alive_connections") == 1);
            }
            Await.untilTrue(() -> "the client's close counted, now " + MetricCounts.count(metrics,
                    "connection_drop_count"), Duration.ofSeconds(20),
                    () -> MetricCounts.count(metrics, "connection_drop_count") == 1);
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                // A four-letter word: the server answers and closes the connection itself.
                socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("Zookeeper version"), answer);
            }
            Await.untilTrue("the server-closed connection gone", Duration.ofSeconds(20),
                    () -> MetricCounts.count(metrics, "num_alive_connections") == 0);
            assertEquals(1, MetricCounts.count(metrics, "connection_drop_count"));
        }
    }

    @Test
    void aClosedConnectionsWatchesAreCountedAsDeadWatchersCleared() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            MetricsRegistry metrics = server.metrics();
            ZooKeeper watching = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            watching.create("/watched", new byte[1], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            watching.getData("/watched", true, null);
            watching.getChildren("/watched", true);
            ZooKeeper idle = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            assertEquals(0, MetricCounts.count(metrics, "dead_watchers_queued"));

            idle.close();
            watching.close();

            Await.untilTrue(() -> "the watcher cleared from the data and the child watch table, cleared "
                    + MetricCounts.count(metrics, "dead_watchers_cleared"), Duration.ofSeconds(20),
                    () -> MetricCounts.count(metrics, "dead_watchers_cleared") == 2);
            assertEquals(2, MetricCounts.count(metrics, "dead_watchers_queued"));
            assertEquals(1, MetricCounts.count(metrics, "dead_watchers_cleaner_latency"),
                    "one removal, for the connection that had watches");
            assertEquals(0, MetricCounts.count(metrics, "add_dead_watcher_stall_time"));
        }
    }

    @Test
    void aLargeRequestThatDoesNotFitClosesItsConnectionAndIsCountedAsApachesIs() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "largeRequestThreshold=100",
                "largeRequestMaxBytes=1000")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            for (int i = 0; i < 10; i++) {
                // About 260 bytes each: large, and they fit because each answered one gives its bytes back.
                zk.create("/large" + i, new byte[200], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            assertEquals(0, MetricCounts.count(server.metrics(), "large_requests_rejected"));

            assertThrows(KeeperException.ConnectionLossException.class, () -> zk.create("/too-large",
                    new byte[2000], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));

            assertEquals(1, MetricCounts.count(server.metrics(), "large_requests_rejected"));
            Await.untilNoException("the client reconnects and writes again", Duration.ofSeconds(20),
                    () -> zk.create("/small", new byte[1], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            assertNull(zk.exists("/too-large", false), "the refused request was not applied");
            zk.close();
        }
    }
}
