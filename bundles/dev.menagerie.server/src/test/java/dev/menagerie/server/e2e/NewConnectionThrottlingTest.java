package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.MetricCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache's connection throttle ({@code connection_throttle_*}) on a running server: once the bucket is empty a new
 * client's connect request closes its connection unanswered and counts as connection_rejected, while the sessions
 * already open keep working; connection_token_deficit records the admitted ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewConnectionThrottlingTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyBucketRefusesNewSessionsAndLeavesOpenOnesAlone() throws Exception {
        // Two tokens and no refill, as Apache's own throttling test sets it up.
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "connection_throttle_tokens=2",
                "connection_throttle_fill_count=0")) {
            MetricsRegistry metrics = server.metrics();
            ZooKeeper first = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            ZooKeeper second = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            first.create("/kept", new byte[] {7}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertEquals(0, MetricCounts.count(metrics, "connection_rejected"));

            List<KeeperState> states = new CopyOnWriteArrayList<>();
            ZooKeeper refused = new ZooKeeper(server.connectString(), 10_000, event -> states.add(event.getState()));
            try {
                // The client retries; each attempt is refused and counted.
                Await.untilTrue(() -> "two refused connect requests, counted " + MetricCounts.count(metrics,
                        "connection_rejected"), Duration.ofSeconds(20),
                        () -> MetricCounts.count(metrics, "connection_rejected") >= 2);
                assertFalse(states.contains(KeeperState.SyncConnected), "the third client got a session: " + states);

                assertArrayEquals(new byte[] {7}, second.getData("/kept", false, null), "open sessions still work");
                first.setData("/kept", new byte[] {8}, -1);
                assertArrayEquals(new byte[] {8}, second.getData("/kept", false, null));
                assertEquals(2, MetricCounts.count(metrics, "connection_token_deficit"),
                        "one value per admitted connection");
                assertEquals(2, MetricCounts.max(metrics, "connection_token_deficit"), "the bucket ran dry");
                assertEquals(0, MetricCounts.count(metrics, "connection_drop_probability"), "no freeze time, no BLUE");
            } finally {
                refused.close();
                first.close();
                second.close();
            }
        }
    }
}
