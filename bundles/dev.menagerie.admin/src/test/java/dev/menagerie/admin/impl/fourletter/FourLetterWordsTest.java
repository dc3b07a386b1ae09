package dev.menagerie.admin.impl.fourletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.command.TraceMask;
import dev.menagerie.admin.impl.environment.Environment;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerStatus.Statistics;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.ServingConfiguration;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.testing.Components;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts of the four-letter words, built from the server's status in Apache ZooKeeper 3.9's layout. */
class FourLetterWordsTest {

    private static final String VERSION_LINE =
            "Zookeeper version: 3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC\n";
    private static final String STATISTICS = "Latency min/avg/max: 1/2.5/7\nReceived: 40\nSent: 39\nConnections: 1\n"
            + "Outstanding: 0\nZxid: 0x1f\nMode: standalone\n";

    private final FakeServerStatus status = new FakeServerStatus();
    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final FourLetterWords words = new FourLetterWords(
            new Environment(() -> "zoo.example", Map.of("java.version", "17.0.15")::get), metrics);

    private static ConnectionStatus client(long sessionId) {
        return new ConnectionStatus(new InetSocketAddress("127.0.0.1", 40000), 2, 10, 9, sessionId, 30000,
                1_700_000_000_000L, "GETD", 0x0c, 0x1e, 1_700_000_001_000L, 3, new Latency(0, 1.25, 3));
    }

    @Test
    void srvrIsVersionCountersModeAndNodeCount() {
        assertEquals(VERSION_LINE + STATISTICS + "Node count: 6\n", words.answer("srvr", status));
    }

    @Test
    void statListsClientsBrieflyAndConsInFull() {
        status.connections = List.of(client(0x100000abcL), client(0));

        assertEquals(VERSION_LINE + "Clients:\n /127.0.0.1:40000[1](queued=2,recved=10,sent=9)\n"
                + " /127.0.0.1:40000[1](queued=2,recved=10,sent=9)\n\n" + STATISTICS + "Node count: 6\n",
                words.answer("stat", status));
        assertEquals(" /127.0.0.1:40000[1](queued=2,recved=10,sent=9,sid=0x100000abc,lop=GETD,est=1700000000000,"
                + "to=30000,lcxid=0xc,lzxid=0x1e,lresp=1700000001000,llat=3,minlat=0,avglat=1.25,maxlat=3)\n"
                + " /127.0.0.1:40000[1](queued=2,recved=10,sent=9)\n\n", words.answer("cons", status),
                "a connection without a session shows its counters only");
    }

    @Test
    void aServerThatIsNotServingAnswersAsApachesDoes() {
        status.summary = new ServerSummary("looking", false, 0, Latency.NONE, 0, 0, 0, 0, 1000, 0, 0);
        String notServing = "This ZooKeeper instance is not currently serving requests";

        assertEquals(notServing + "\n", words.answer("srvr", status));
        assertEquals(notServing + "\n", words.answer("mntr", status));
        assertEquals(notServing + "\n", words.answer("srst", status));
        assertEquals(notServing, words.answer("hash", status));
        assertEquals("null", words.answer("isro", status));
        assertEquals("imok", words.answer("ruok", status));
        assertTrue(words.answer("envi", status).startsWith("Environment:\n"));
        assertEquals(List.of(), status.resets, "srst reset nothing while not serving");
    }

    @Test
    void srstAndCrstResetTheirStatistics() {
        metrics.counter("commit_count").add(4);
        assertEquals("Server stats reset.\n", words.answer("srst", status));
        assertEquals("Connection stats reset.\n", words.answer("crst", status));
        assertEquals(List.of(Statistics.SERVER, Statistics.CONNECTIONS), status.resets);
        assertTrue(words.answer("mntr", status).contains("zk_commit_count\t0\n"), "srst zeroes the metrics too");
    }

    @Test
    void mntrListsApachesMetricsThenThePeers() {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("peer_state", "leading - broadcast");
        peer.put("learners", 2);
        status.quorumMonitorValues = peer;
        status.sessions = new SessionsStatus(3, Map.of(), Map.of());

        String mntr = words.answer("mntr", status);

        assertTrue(mntr.startsWith("zk_version\t3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC\n"
                + "zk_server_state\tstandalone\nzk_avg_latency\t2.5\nzk_max_latency\t7\nzk_min_latency\t1\n"
                + "zk_packets_received\t40\nzk_packets_sent\t39\nzk_num_alive_connections\t1\n"
                + "zk_outstanding_requests\t0\nzk_znode_count\t6\nzk_watch_count\t2\nzk_ephemerals_count\t1\n"
                + "zk_approximate_data_size\t120\n"), mntr);
        assertTrue(mntr.contains("zk_global_sessions\t3\n"), mntr);
        assertFalse(mntr.contains("zk_last_zxid"), "Apache's mntr has no last_zxid");
        assertTrue(mntr.endsWith("zk_auth_failed_count\t0\nzk_digest_mismatches_count\t0\n"
                + "zk_peer_state\tleading - broadcast\nzk_learners\t2\n"), mntr);
    }

    @Test
    void mntrPrintsTheRegistryAfterTheStatusAsApachesDefaultProviderDumpsIt() {
        metrics.counter("commit_count").add(7);
        metrics.counterSet("quota_exceeded_error_per_namespace").increment("apps");
        metrics.gauge("znode_count", () -> 99);
        metrics.gaugeSet("quota_bytes_usage_per_namespace", () -> Map.of("apps", 12));
        Summary fsync = metrics.summary("fsynctime", Detail.BASIC);
        fsync.record(1);
        fsync.record(2);
        fsync.record(4);
        metrics.summary("readlatency", Detail.ADVANCED).record(3);
        metrics.summarySet("write_per_namespace", Detail.BASIC).record("apps", 120);

        String mntr = words.answer("mntr", status);

        assertTrue(mntr.contains("zk_znode_count\t6\n"), "the status value comes first and is not repeated: " + mntr);
        assertFalse(mntr.contains("zk_znode_count\t99\n"), mntr);
        assertTrue(mntr.endsWith("zk_digest_mismatches_count\t0\n"
                + "zk_commit_count\t7\n"
                + "zk_avg_fsynctime\t2.3333\nzk_min_fsynctime\t1\nzk_max_fsynctime\t4\nzk_cnt_fsynctime\t3\n"
                + "zk_sum_fsynctime\t7\n"
                + "zk_apps_quota_bytes_usage_per_namespace\t12\n"
                + "zk_apps_quota_exceeded_error_per_namespace\t1\n"
                + "zk_avg_readlatency\t3.0\nzk_min_readlatency\t3\nzk_max_readlatency\t3\nzk_cnt_readlatency\t1\n"
                + "zk_sum_readlatency\t3\nzk_p50_readlatency\t3\nzk_p95_readlatency\t3\nzk_p99_readlatency\t3\n"
                + "zk_p999_readlatency\t3\n"
                + "zk_avg_apps_write_per_namespace\t120.0\nzk_min_apps_write_per_namespace\t120\n"
                + "zk_max_apps_write_per_namespace\t120\nzk_cnt_apps_write_per_namespace\t1\n"
                + "zk_sum_apps_write_per_namespace\t120\n"), mntr);
    }

    @Test
    void confAndDirsShowTheFoldersWithTheirSizes() {
        status.configuration = new ServingConfiguration(2181, Path.of("/data"), Path.of("/log"), 2000, 60, 4000,
                40000, 2, "initLimit=10\nsyncLimit=5\n");

        assertEquals("clientPort=2181\ndataDir=/data/version-2\ndataDirSize=1024\ndataLogDir=/log/version-2\n"
                + "dataLogSize=2048\ntickTime=2000\nmaxClientCnxns=60\nminSessionTimeout=4000\n"
                + "maxSessionTimeout=40000\nclientPortListenBacklog=-1\nserverId=2\ninitLimit=10\nsyncLimit=5\n",
                words.answer("conf", status));
        assertEquals("datadir_size: 1024\nlogdir_size: 2048\n", words.answer("dirs", status));
    }

    @Test
    void enviStartsWithTheServersVersion() {
        String envi = words.answer("envi", status);

        assertTrue(envi.startsWith("Environment:\nzookeeper.version=3.9.5-menagerie-1.0.0, built on 2026-12-07 "
                + "09:00 UTC\nhost.name=zoo.example\njava.version=17.0.15\njava.vendor=<NA>\n"), envi);
    }

    @Test
    void dumpListsSessionsByExpiryAndTheirEphemerals() {
        status.sessions = new SessionsStatus(2, Map.of(0L, List.of(0x10L, 0x11L)),
                Map.of(0x10L, List.of("/a", "/b")));

        String dump = words.answer("dump", status);

        assertTrue(dump.startsWith("SessionTracker dump:\nSession Sets (1)/(2):\n2 expire at "), dump);
        assertTrue(dump.endsWith(":\n\t0x10\n\t0x11\nephemeral nodes dump:\nSessions with Ephemerals (1):\n"
                + "0x10:\n\t/a\n\t/b\nConnections dump:\n"), dump);
    }

    @Test
    void hashAndTheTraceMaskWords() {
        assertEquals("digest of the tree: 123456789\n", words.answer("hash", status));
        assertEquals("306", words.answer("gtmk", status));
        TraceMask.set(12);
        try {
            assertEquals("12", words.answer("gtmk", status));
        } finally {
            TraceMask.set(TraceMask.DEFAULT);
        }
        assertEquals("rw", words.answer("isro", status));
    }

    @Test
    void stmkWithItsMaskSetsTheMaskThatGtmkAndTheAdminCommandRead() {
        try {
            assertEquals("-2", words.answer("stmk", -2L, status));
            assertEquals("-2", words.answer("gtmk", status));
            assertEquals(-2L, TraceMask.get());
            assertEquals("rw", words.answer("isro", 99L, status), "no other word takes an argument");
            assertEquals(-2L, TraceMask.get());
        } finally {
            TraceMask.set(TraceMask.DEFAULT);
        }
    }

    @Test
    void aWordItDoesNotKnowClosesTheConnection() {
        assertNull(words.answer("xyzw", status));
    }
}
