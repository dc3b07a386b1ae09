package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.AckLedger;
import dev.menagerie.it.process.Clients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One session that keeps changing the data of {@link #PATH} (a setData every {@value #PAUSE_MS} ms), for the
 * watchers' data watches, recording each acknowledged version in the {@link AckLedger}. Rides through lost
 * connections like {@code EnsembleLoad}; stops at {@link #stopAndAwait}, after {@code maxOps} or at its deadline.
 */
final class DataTicker {

    static final String PATH = "/swap-ticker";

    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final long PAUSE_MS = 20;

    private final String connectString;
    private final AckLedger ledger;
    private final int maxOps;
    private final long deadlineNs;
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile int acknowledgedVersion = -1;
    private volatile boolean stopped;

    DataTicker(String connectString, AckLedger ledger, int maxOps, Duration maxDuration) {
        this.connectString = connectString;
        this.ledger = ledger;
        this.maxOps = maxOps;
        this.deadlineNs = System.nanoTime() + maxDuration.toNanos();
        this.thread = new Thread(this::tick, "data-ticker");
        thread.setDaemon(true);
    }

    /** Creates {@link #PATH} if it does not exist yet. */
    static void prepare(ZooKeeper client) throws KeeperException, InterruptedException {
        try {
            client.create(PATH, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException exists) {
            // from an earlier round on the same server
        }
    }

    void start() {
        thread.start();
    }

    private void tick() {
        ZooKeeper client = null;
        try {
            client = Clients.connect(connectString, SESSION_TIMEOUT_MS, Duration.ofSeconds(30));
            for (int op = 0; op < maxOps && !stopped && System.nanoTime() < deadlineNs; op++) {
                client = setOnce(client, op);
                Thread.sleep(PAUSE_MS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            unexpected.add("ticker: " + e);
        } finally {
            try {
                Clients.closeQuietly(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ZooKeeper setOnce(ZooKeeper client, int op) throws IOException, InterruptedException {
        byte[] payload = ("tick " + op).getBytes(StandardCharsets.UTF_8);
        ledger.attemptingSet(PATH, payload);
        try {
            Stat stat = client.setData(PATH, payload, -1);
            ledger.set(PATH, payload, stat.getVersion(), stat.getMzxid());
            acknowledgedVersion = stat.getVersion();
            return client;
        } catch (KeeperException.ConnectionLossException lost) {
            return client;
        } catch (KeeperException.SessionExpiredException expired) {
            unexpected.add("ticker: the session expired");
            Clients.closeQuietly(client);
            return Clients.connect(connectString, SESSION_TIMEOUT_MS, Duration.ofSeconds(30));
        } catch (KeeperException e) {
            unexpected.add("ticker: " + e);
            return client;
        }
    }

    /** The version of the last acknowledged setData; -1 before the first. */
    int acknowledgedVersion() {
        return acknowledgedVersion;
    }

    void stopAndAwait(Duration timeout) throws InterruptedException {
        stopped = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            unexpected.add("ticker still running " + timeout + " after stop");
        }
    }

    /** Errors other than a lost connection; a correct server causes none. */
    List<String> unexpectedErrors() {
        return List.copyOf(unexpected);
    }
}
