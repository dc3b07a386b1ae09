package dev.menagerie.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Time to a ready server: Curator's {@code TestingServer} (Apache ZooKeeper's server) against an
 * {@link EmbeddedServer}, alternating in one JVM. Ready means Apache's Java client has a session and a create was
 * acknowledged. A benchmark, not a test: {@code docs/embedding.md} gives the command; {@code -Drounds=N} (default 20,
 * at most 500) sets the rounds, the run stops early after {@code -DmaxSeconds} (default 300), and
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
        long deadline = System.nanoTime() + Long.getLong("maxSeconds", 300L) * 1_000_000_000L;
        if (rounds < 1) {
            throw new IllegalArgumentException("-Drounds must be at least 1");
        }
        Round curator = StartupComparison::curatorRound;
        Round menagerie = StartupComparison::menagerieRound;
        // The first round of each loads its classes; it is reported apart from the rest. Whichever runs first also
        // loads the ZooKeeper client for the other: -Dfirst=menagerie swaps the order.
        boolean menagerieFirst = "menagerie".equals(System.getProperty("first", "curator"));
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
        System.out.printf("standalone server, start to ready (session + acknowledged create), %d warm rounds, %s"
                + " cold first%n", curatorWarm.size(), menagerieFirst ? "Menagerie" : "Curator");
        System.out.printf("%-32s cold %7.1f ms  median %7.1f ms  p90 %7.1f ms%n", "Curator TestingServer 5.9.0",
                millis(curatorCold), millis(percentile(curatorWarm, 50)), millis(percentile(curatorWarm, 90)));
        System.out.printf("%-32s cold %7.1f ms  median %7.1f ms  p90 %7.1f ms%n", "Menagerie EmbeddedServer",
                millis(menagerieCold), millis(percentile(menagerieWarm, 50)), millis(percentile(menagerieWarm, 90)));
        System.out.printf("ratio Curator/Menagerie: cold %.1fx, median %.1fx, p90 %.1fx%n",
                (double) curatorCold / menagerieCold,
                (double) percentile(curatorWarm, 50) / percentile(menagerieWarm, 50),
                (double) percentile(curatorWarm, 90) / percentile(menagerieWarm, 90));
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
