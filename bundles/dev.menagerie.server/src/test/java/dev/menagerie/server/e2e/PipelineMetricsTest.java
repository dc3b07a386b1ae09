package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.menagerie.testing.Await;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prep and commit stages' metrics, as an operator reads them in {@code mntr}: each write a client makes moves
 * the counts of the stages it went through by one, reads move only the read-side ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineMetricsTest {

    private static final int WRITES = 5;
    private static final int READS = 3;

    @TempDir
    Path dir;

    @Test
    void eachWriteAndReadIsCountedByTheStagesItPassed() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            Map<String, Long> before;
            Map<String, Long> after;
            try {
                before = mntr(server.port());
                for (int i = 0; i < WRITES; i++) {
                    zk.create("/stage" + i, new byte[1], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                }
                for (int i = 0; i < READS; i++) {
                    zk.getData("/stage" + i, false, null);
                }
                after = settled(server.port(), before);
            } finally {
                zk.close();
            }
            Map<String, Long> closed = settled(server.port(), after);

            // A session may ping in between: pings pass prep and the commit stage as reads.
            long reads = delta(before, after, "zk_cnt_read_commitproc_time_ms");
            assertTrue(reads >= READS, "reads through the commit stage: " + reads);
            assertEquals(reads, delta(before, after, "zk_cnt_read_final_proc_time_ms"), "read final processing");
            for (String key : new String[] {"zk_request_commit_queued", "zk_cnt_write_commitproc_time_ms",
                    "zk_cnt_local_write_committed_time_ms", "zk_cnt_write_final_proc_time_ms",
                    "zk_cnt_propagation_latency"}) {
                assertEquals(WRITES, delta(before, after, key), key);
            }
            assertEquals(WRITES + reads, delta(before, after, "zk_prep_processor_request_queued"));
            assertEquals(WRITES + reads, delta(before, after, "zk_cnt_prep_processor_queue_time_ms"));
            assertEquals(WRITES + reads, delta(before, after, "zk_cnt_prep_process_time"));
            assertEquals(WRITES + reads, delta(before, after, "zk_cnt_proposal_process_time"));
            assertEquals(WRITES + reads, delta(before, after, "zk_cnt_commit_process_time"));
            assertEquals(0, delta(before, after, "zk_cnt_close_session_prep_time"), "no session closed yet");
            assertEquals(0, delta(before, after, "zk_cnt_server_write_committed_time_ms"), "standalone");

            // A create records the node and its parent; all of them are dropped once applied.
            long changes = delta(before, after, "zk_outstanding_changes_queued");
            assertEquals(2 * WRITES, changes, "change records of " + WRITES + " creates");
            assertEquals(changes, delta(before, after, "zk_outstanding_changes_removed"));

            assertEquals(1, delta(after, closed, "zk_cnt_close_session_prep_time"), "closing the session");

            // Apache's CommitProcessor figures, from the commit stage: one reading of its inbox per turn, one
            // request issued per turn, and each write applied as a batch of one.
            for (String key : new String[] {"zk_cnt_read_commit_proc_req_queued", "zk_cnt_write_commit_proc_req_queued",
                    "zk_cnt_commit_commit_proc_req_queued"}) {
                assertEquals(WRITES + reads, delta(before, after, key), key);
            }
            assertTrue(after.get("zk_max_write_commit_proc_req_queued") >= 1, "the write taken is counted");
            assertEquals(reads, delta(before, after, "zk_cnt_read_commit_proc_issued"));
            assertEquals(WRITES, delta(before, after, "zk_cnt_write_commit_proc_issued"));
            assertEquals(WRITES, delta(before, after, "zk_sum_write_commit_proc_issued"), "one write per batch");
            assertEquals(WRITES, delta(before, after, "zk_cnt_write_batch_time_in_commit_processor"));
            assertEquals(0, delta(before, after, "zk_cnt_requests_in_session_queue"),
                    "standalone: no session queues, which only a learner keeps");
        }
    }

    @Test
    void aClientResumingItsSessionOnANewConnectionIsARevalidation() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper first = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            Map<String, Long> before = mntr(server.port());
            CountDownLatch resumed = new CountDownLatch(1);
            ZooKeeper second = new ZooKeeper(server.connectString(), 10_000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    resumed.countDown();
                }
            }, first.getSessionId(), first.getSessionPasswd());
            try {
                assertTrue(resumed.await(15, TimeUnit.SECONDS), "the session resumed on a second connection");
                Map<String, Long> after = mntr(server.port());
                assertEquals(1, delta(before, after, "zk_connection_revalidate_count"));
                assertEquals(1, delta(before, after, "zk_connection_request_count"));
            } finally {
                second.close();
                first.close();
            }
        }
    }

    /**
     * {@code mntr} once the commit stage has finished its turn for every request prep took since {@code from}: a
     * client hears its answer a moment before the stage records the end of its turn.
     */
    private static Map<String, Long> settled(int port, Map<String, Long> from) {
        return Await.untilNoException("the commit stage's turns to catch up with the requests prep took",
                Await.DEFAULT_TIMEOUT, () -> {
                    Map<String, Long> now = mntr(port);
                    long prepped = delta(from, now, "zk_prep_processor_request_queued");
                    return delta(from, now, "zk_cnt_commit_process_time") == prepped
                            && delta(from, now, "zk_cnt_proposal_process_time") == prepped ? now : null;
                });
    }

    private static long delta(Map<String, Long> from, Map<String, Long> to, String key) {
        assertTrue(to.containsKey(key), "mntr prints " + key);
        return to.get(key) - from.get(key);
    }

    /** The integer values of {@code mntr}. */
    private static Map<String, Long> mntr(int port) throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (String line : ClientPortFourLetterWordsTest.send(port, "mntr").split("\n")) {
            String[] keyValue = line.split("\t");
            if (keyValue.length == 2 && keyValue[1].matches("-?\\d+")) {
                values.put(keyValue[0], Long.parseLong(keyValue[1]));
            }
        }
        return values;
    }
}
