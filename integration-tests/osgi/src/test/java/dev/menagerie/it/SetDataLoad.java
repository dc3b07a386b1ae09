package dev.menagerie.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * One client writing an increasing counter into its own node as fast as the server acknowledges, for at most
 * {@link #MAX_DURATION} and {@link #MAX_WRITES} writes. It remembers what was acknowledged, so a test can check
 * afterwards that no acknowledged write was lost. A write cut off by a lost connection has an unknown outcome:
 * the loop waits for the reconnect and goes on with the next value.
 */
final class SetDataLoad {

    static final Duration MAX_DURATION = Duration.ofSeconds(10);
    static final long MAX_WRITES = 200_000;

    private final JavaClient client;
    private final String path;
    private final long sessionId;
    private final Thread thread;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong acknowledgedCount = new AtomicLong();
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private volatile boolean stopping;

    /** Creates {@code path} and an ephemeral {@code path-owner} for the client's session. */
    SetDataLoad(JavaClient client, String path) throws Exception {
        this.client = client;
        this.path = path;
        this.sessionId = client.sessionId();
        client.zk().create(path, bytes(0), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        client.zk().create(path + "-owner", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        this.thread = new Thread(this::run, "set-data-load " + path);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the loop and waits for it to end. */
    void stop() {
        stopping = true;
        try {
            thread.join(MAX_DURATION.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void awaitAcknowledged(long value, Duration timeout) {
        Await.untilTrue(() -> path + " acknowledged >= " + value + " (now " + acknowledged.get() + ", error "
                + error.get() + ")", timeout, () -> acknowledged.get() >= value || error.get() != null);
        assertNoError();
    }

    void assertNoError() {
        if (error.get() != null) {
            throw new AssertionError("the load on " + path + " failed", error.get());
        }
    }

    JavaClient client() {
        return client;
    }

    String path() {
        return path;
    }

    long sessionId() {
        return sessionId;
    }

    /** The highest value whose write the server acknowledged. */
    long acknowledged() {
        return acknowledged.get();
    }

    long acknowledgedCount() {
        return acknowledgedCount.get();
    }

    /** The highest value sent, acknowledged or not. */
    long attempted() {
        return attempted.get();
    }

    private void run() {
        ZooKeeper zk = client.zk();
        long deadlineNs = System.nanoTime() + MAX_DURATION.toNanos();
        try {
            for (long value = 1; value <= MAX_WRITES && !stopping && System.nanoTime() - deadlineNs < 0; value++) {
                attempted.set(value);
                try {
                    zk.setData(path, bytes(value), -1);
                    acknowledged.set(value);
                    acknowledgedCount.incrementAndGet();
                } catch (KeeperException.ConnectionLossException e) {
                    Await.untilTrue(path + "'s client connected again", MAX_DURATION,
                            () -> stopping || zk.getState() == ZooKeeper.States.CONNECTED);
                }
            }
        } catch (Throwable e) {
            error.set(e);
        }
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(UTF_8);
    }
}
