package dev.menagerie.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Time to a ready server: Curator's {@code TestingServer} (Apache ZooKeeper's server) against an
 * {@link EmbeddedServer}, then Curator's {@code TestingCluster(3)} against {@code EmbeddedEnsemble.of(3)},
 * alternating in one JVM. Ready means Apache's Java client has a session and a create was
 * acknowledged. A benchmark, not a test: {@code docs/embedding.md} gives the command; {@code -Drounds=N} (default 20,
 * at most 500) and {@code -DensembleRounds=N} (default 5; 0 leaves ensembles out) set the rounds, the run stops
 * early after {@code -DmaxSeconds} (default 300), and
 * {@code -Dfirst=menagerie} starts the cold round with Menagerie instead of Curator.
 */
public final class StartupComparison {

    private static final int MAX_ROUNDS = 500;
    private static final int CONNECT_TIMEOUT_SECONDS = 15;

    private StartupComparison() {
    }

    /** One server kind, started, made ready and closed; returns the nanoseconds from start to ready. */
    private interface Round {
        long run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Math.min(MAX_ROUNDS, Integer.getInteger("rounds", 20));
        int ensembleRounds = Math.min(MAX_ROUNDS, Integer.getInteger("ensembleRounds", 5));
        long deadline = System.nanoTime() + Long.getLong("maxSeconds", 300L) * 1_000_000_000L;
        if (rounds < 1 || ensembleRounds < 0) {
            throw new IllegalArgumentException("-Drounds must be at least 1 and -DensembleRounds at least 0");
        }
        // The first round of each loads its classes; it is reported apart from the rest. Whichever runs first also
        // loads the ZooKeeper client for the other: -Dfirst=menagerie swaps the order.
        boolean menagerieFirst = "menagerie".equals(System.getProperty("first", "curator"));
        compare("standalone server", rounds, deadline, menagerieFirst, "Curator TestingServer 5.9.0",
                StartupComparison::curatorRound, "Menagerie EmbeddedServer", StartupComparison::menagerieRound);
        if (ensembleRounds > 0) {
            compare("3-server ensemble", ensembleRounds, deadline, menagerieFirst, "Curator TestingCluster(3)",
                    StartupComparison::curatorEnsembleRound, "Menagerie EmbeddedEnsemble.of(3)",
                    StartupComparison::menagerieEnsembleRound);
        }
    }

    private static void compare(String what, int rounds, long deadline, boolean menagerieFirst, String curatorName,
            Round curator, String menagerieName, Round menagerie) throws Exception {
        long menagerieCold = menagerieFirst ? menagerie.run() : 0;
        long curatorCold = curator.run();
        if (!menagerieFirst) {
            menagerieCold = menagerie.run();
        }
        List<Long> curatorWarm = new ArrayList<>();
        List<Long> menagerieWarm = new ArrayList<>();
        for (int i = 0; i < rounds && System.nanoTime() < deadline; i++) {
            curatorWarm.add(curator.run());
            menagerieWarm.add(menagerie.run());
        }
        if (curatorWarm.isEmpty()) {
            throw new IllegalStateException(what + ": no warm round ran before -DmaxSeconds passed");
        }
        System.out.printf("%s, start to ready (session + acknowledged create), %d warm rounds, %s cold first%n",
                what, curatorWarm.size(), menagerieFirst ? "Menagerie" : "Curator");
        System.out.printf("%-34s cold %7.1f ms  median %7.1f ms  p90 %7.1f ms%n", curatorName,
                millis(curatorCold), millis(percentile(curatorWarm, 50)), millis(percentile(curatorWarm, 90)));
        System.out.printf("%-34s cold %7.1f ms  median %7.1f ms  p90 %7.1f ms%n", menagerieName,
                millis(menagerieCold), millis(percentile(menagerieWarm, 50)), millis(percentile(menagerieWarm, 90)));
        System.out.printf("ratio Curator/Menagerie: cold %.1fx, median %.1fx, p90 %.1fx%n",
                (double) curatorCold / menagerieCold,
                (double) percentile(curatorWarm, 50) / percentile(menagerieWarm, 50),
                (double) percentile(curatorWarm, 90) / percentile(menagerieWarm, 90));
    }

    private static long curatorEnsembleRound() throws Exception {
        long start = System.nanoTime();
        try (TestingCluster cluster = new TestingCluster(3)) {
            cluster.start();
            return readyAfter(cluster.getConnectString(), start);
        }
    }

    private static long menagerieEnsembleRound() throws Exception {
        long start = System.nanoTime();
        try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.of(3).start()) {
            return readyAfter(ensemble.connectString(), start);
        }
    }

    private static long curatorRound() throws Exception {
        long start = System.nanoTime();
        try (TestingServer server = new TestingServer(true)) {
            long ready = readyAfter(server.getConnectString(), start);
            server.stop();
            return ready;
        }
    }

    private static long menagerieRound() throws Exception {
        long start = System.nanoTime();
        try (EmbeddedServer server = EmbeddedServer.standalone().start()) {
            return readyAfter(server.connectString(), start);
        }
    }

    /** Waits for the session with a latch, not by polling, so the figure is not rounded up to a poll interval. */
    private static long readyAfter(String connectString, long startNanos) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        try (ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        })) {
            if (!connected.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no session with " + connectString + " within "
                        + CONNECT_TIMEOUT_SECONDS + " s");
            }
            zk.create("/ready", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            return System.nanoTime() - startNanos;
        }
    }

    /** The nearest-rank percentile. */
    static long percentile(List<Long> values, int percent) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
