package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Writers, one session each on the ensemble's full connect string, creating sequential nodes under
 * {@link #PARENT} and recording every acknowledged create in an {@link AckLedger}. Unlike {@link WriteLoad} they
 * ride through failovers: a lost connection costs the write in flight (not acknowledged, so not checked), the
 * client reconnects to another server and the writer goes on. Each writer stops at {@link #stop()}, after
 * {@code maxOpsPerWriter} or at {@code deadlineNs}.
 */
public final class EnsembleLoad {

    public static final String PARENT = "/ensemble-load";

    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final long RETRY_PAUSE_MS = 20;

    private final String connectString;
    private final AckLedger ledger;
    private final String round;
    private final int maxOpsPerWriter;
    private final long deadlineNs;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final AtomicLong longestPauseNs = new AtomicLong();
    /** The start of the window {@link #longestPause()} measures, or 0 while none is open. */
    private volatile long windowStartNs;
    private volatile boolean stopped;

    public EnsembleLoad(String connectString, AckLedger ledger, String round, int maxOpsPerWriter,
            Duration maxDuration) {
        this.connectString = connectString;
        this.ledger = ledger;
        this.round = round;
        this.maxOpsPerWriter = maxOpsPerWriter;
        this.deadlineNs = System.nanoTime() + maxDuration.toNanos();
    }

    /** Creates {@link #PARENT} if it does not exist yet. */
    public static void prepare(ZooKeeper client) throws KeeperException, InterruptedException {
        try {
            client.create(PARENT, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException exists) {
            // from an earlier test on the same ensemble
        }
    }

    public void start(int writers) {
        for (int i = 0; i < writers; i++) {
            int writer = i;
            Thread thread = new Thread(() -> write(writer), "ensemble-writer-" + round + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private ZooKeeper connect() throws IOException {
        return new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == KeeperState.Disconnected) {
                disconnects.incrementAndGet();
            }
        });
    }

    private void write(int writer) {
        ZooKeeper client = null;
        long[] lastAckNs = {System.nanoTime()};
        try {
            client = connect();
            for (int op = 0; op < maxOpsPerWriter && !stopped && System.nanoTime() < deadlineNs; op++) {
                client = writeOne(client, writer, op, lastAckNs);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            unexpected.add(Thread.currentThread().getName() + ": " + e);
        } finally {
            try {
                Clients.closeQuietly(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One create; returns the client to go on with (a new one after the session expired). */
    private ZooKeeper writeOne(ZooKeeper client, int writer, int op, long[] lastAckNs)
            throws IOException, InterruptedException {
        byte[] payload = (round + "/w" + writer + "/op" + op).getBytes(StandardCharsets.UTF_8);
        try {
            Stat stat = new Stat();
            String path = client.create(PARENT + "/" + round + "-w" + writer + "-", payload, Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL, stat);
            ledger.created(path, payload, stat.getCzxid());
            acknowledged.incrementAndGet();
            long now = System.nanoTime();
            long window = windowStartNs;
            if (window != 0) {
                longestPauseNs.accumulateAndGet(now - Math.max(lastAckNs[0], window), Math::max);
            }
            lastAckNs[0] = now;
            return client;
        } catch (KeeperException.ConnectionLossException | KeeperException.NotReadOnlyException lost) {
            failed.incrementAndGet();
            Thread.sleep(RETRY_PAUSE_MS);
            return client;
        } catch (KeeperException.SessionExpiredException | KeeperException.SessionMovedException expired) {
            failed.incrementAndGet();
            Clients.closeQuietly(client);
            return connect();
        } catch (KeeperException e) {
            unexpected.add(Thread.currentThread().getName() + ": " + e);
            failed.incrementAndGet();
            Thread.sleep(RETRY_PAUSE_MS);
            return client;
        }
    }

    /**
     * Opens a window: from now on {@link #longestPause()} is the longest time any writer went without an
     * acknowledged write, and {@link #disconnects()} counts the writers' dropped connections.
     */
    public void openWindow() {
        longestPauseNs.set(0);
        disconnects.set(0);
        windowStartNs = System.nanoTime();
    }

    /** The longest time a writer waited for its next acknowledged write since {@link #openWindow()}. */
    public Duration longestPause() {
        return Duration.ofNanos(longestPauseNs.get());
    }

    /** Writers' connections that dropped since {@link #openWindow()} (or since the start). */
    public int disconnects() {
        return disconnects.get();
    }

    public void stop() {
        stopped = true;
    }

    /** Stops the writers and waits for them (a write in flight may take up to a connect timeout). */
    public void stopAndAwait(Duration timeout) throws InterruptedException {
        stop();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                unexpected.add(thread.getName() + " still running " + timeout + " after stop");
            }
        }
    }

    /** Creates acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Creates that failed (lost connection, expired session), so far. */
    public long failed() {
        return failed.get();
    }

    /** Errors other than a lost connection or session; a correct ensemble causes none. */
    public List<String> unexpectedErrors() {
        return List.copyOf(unexpected);
    }
}
