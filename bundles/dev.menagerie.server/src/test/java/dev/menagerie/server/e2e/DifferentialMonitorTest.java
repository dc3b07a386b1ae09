package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.quorum.impl.zab.ZabMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mntr} on Apache ZooKeeper 3.9.5 (with its default metrics provider, as {@code zkServer.sh} runs it) and on
 * Menagerie after the same small workload: every key we print is one Apache prints, and the keys Apache prints
 * that we do not are exactly those listed in {@value #NOT_YET_IMPLEMENTED}. That list only shrinks: a key we start
 * to print fails this test until it is taken off the list (docs/operations.md describes it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialMonitorTest {

    static final String NOT_YET_IMPLEMENTED = "mntr-keys-not-yet-implemented.txt";

    static {
        DifferentialSettings.apply();
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        FourLetterCommands.resetWhiteList();
    }

    @TempDir
    Path dir;

    @Test
    void menageriePrintsApachesMntrKeysButTheListedOnes() throws Exception {
        Map<String, String> apache = InJvmApache.observeWithOwnMetrics(dir, server -> {
            workload(server.connectString());
            return mntr(server.port());
        });
        Map<String, String> menagerie;
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie"), "nio")) {
            // The quorum bundle registers its metrics when its peer factory starts, on a standalone server too.
            new ZabMetrics(server.metrics());
            workload(server.connectString());
            menagerie = mntr(server.port());
        }

        Set<String> ours = new TreeSet<>(menagerie.keySet());
        ours.removeAll(apache.keySet());
        assertEquals(Set.of(), ours, "keys Menagerie prints and Apache does not");
        Set<String> missing = new TreeSet<>(apache.keySet());
        missing.removeAll(menagerie.keySet());
        assertEquals(notYetImplemented(), missing, "the keys Apache prints and Menagerie does not must be exactly"
                + " those of " + NOT_YET_IMPLEMENTED + " (take a key off the list once it is printed)");
        assertWorkloadWasMeasuredAsApacheMeasures(apache, menagerie);
    }

    /** A create, reads (some repeated), a watched change and a delete in one namespace, from one session. */
    static void workload(String connectString) throws Exception {
        ZooKeeper zk = JavaClientSmokeTest.connect(connectString, new LinkedBlockingQueue<>());
        try {
            zk.create("/metrics", "parent".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            zk.create("/metrics/a", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/metrics/a", true, null);
            // The same replies again, from the response cache; a Stat makes it getChildren2, which is cached.
            zk.getData("/metrics/a", false, null);
            zk.getChildren("/metrics", true);
            zk.getChildren("/metrics", false, new Stat());
            zk.getChildren("/metrics", false, new Stat());
            zk.exists("/metrics/b", true);
            zk.setData("/metrics/a", new byte[10], -1);
            // Changed since it was cached: a miss.
            zk.getData("/metrics/a", false, null);
            zk.create("/metrics/b", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/metrics/b", -1);
        } finally {
            zk.close();
        }
    }

    /**
     * Values the workload fixes are Apache's (bytes and counts per namespace, watches fired, connections); the
     * timings only have to show that something was measured.
     */
    private static void assertWorkloadWasMeasuredAsApacheMeasures(Map<String, String> apache,
            Map<String, String> menagerie) {
        for (String key : List.of("zk_connection_request_count", "zk_cnt_node_changed_watch_count",
                "zk_cnt_node_created_watch_count", "zk_sum_node_created_watch_count",
                "zk_cnt_node_children_watch_count", "zk_cnt_metrics_write_per_namespace",
                "zk_sum_metrics_write_per_namespace", "zk_cnt_metrics_read_per_namespace",
                "zk_sum_metrics_read_per_namespace", "zk_max_metrics_read_per_namespace", "zk_watch_bytes",
                "zk_cnt_startup_txns_loaded", "zk_last_client_response_size", "zk_min_client_response_size",
                "zk_max_client_response_size", "zk_response_packet_cache_hits", "zk_response_packet_cache_misses",
                "zk_response_packet_get_children_cache_hits", "zk_response_packet_get_children_cache_misses",
                "zk_cnt_connection_token_deficit", "zk_max_connection_token_deficit",
                "zk_connection_drop_probability")) {
            assertEquals(apache.get(key), menagerie.get(key), key);
        }
        for (String key : List.of("zk_cnt_updatelatency", "zk_cnt_readlatency", "zk_bytes_received_count",
                "zk_cnt_fsynctime", "zk_cnt_dbinittime", "zk_cnt_snapshottime", "zk_response_bytes")) {
            assertTrue(Long.parseLong(menagerie.get(key)) > 0, key + " is " + menagerie.get(key));
        }
    }

    private static Set<String> notYetImplemented() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (InputStream in = DifferentialMonitorTest.class.getResourceAsStream(NOT_YET_IMPLEMENTED)) {
            assertTrue(in != null, NOT_YET_IMPLEMENTED + " is missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String key = line.strip();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    static Map<String, String> mntr(int port) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        for (String line : ClientPortFourLetterWordsTest.send(port, "mntr").split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                malformed.add(line);
            } else {
                values.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        assertEquals(List.of(), malformed, "every mntr line is a key, a tab and a value");
        return values;
    }
}
