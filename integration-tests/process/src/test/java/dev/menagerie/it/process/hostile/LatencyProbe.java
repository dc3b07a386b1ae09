package dev.menagerie.it.process.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * The well-behaved client: alternating small getData and setData calls on one znode with Apache's client, one at
 * a time, timing each. Runs until stopped, or until {@link #MAX_OPS} calls or {@link #MAX_RUN} have passed.
 */
final class LatencyProbe implements AutoCloseable {

    static final int MAX_OPS = 20_000;
    static final Duration MAX_RUN = Duration.ofSeconds(90);

    private final ZooKeeper client;
    private final String path;
    private final List<Long> micros = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;

    private LatencyProbe(ZooKeeper client, String path, int minOps) {
        this.client = client;
        this.path = path;
        this.thread = new Thread(() -> run(minOps), "latency-probe");
        this.thread.setDaemon(true);
    }

    /** Starts probing; {@link #close} stops it once at least {@code minOps} calls are done. */
    static LatencyProbe start(ZooKeeper client, String path, int minOps) {
        LatencyProbe probe = new LatencyProbe(client, path, minOps);
        probe.thread.start();
        return probe;
    }

    private void run(int minOps) {
        byte[] value = new byte[16];
        long deadlineNs = System.nanoTime() + MAX_RUN.toNanos();
        for (int i = 0; i < MAX_OPS && System.nanoTime() < deadlineNs && (i < minOps || !stopped.get()); i++) {
            long startNs = System.nanoTime();
            try {
                if (i % 2 == 0) {
                    client.getData(path, false, null);
                } else {
                    client.setData(path, value, -1);
                }
            } catch (KeeperException e) {
                failures.add(e.code() + " after " + (System.nanoTime() - startNs) / 1_000_000 + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (micros) {
                micros.add((System.nanoTime() - startNs) / 1_000);
            }
        }
    }

    /** Stops the probe after its minimum count and returns what it measured. */
    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        thread.join(MAX_RUN.toMillis() + 10_000);
        if (thread.isAlive()) {
            throw new AssertionError("the latency probe still runs after " + MAX_RUN);
        }
    }

    int count() {
        synchronized (micros) {
            return micros.size();
        }
    }

    List<String> failures() {
        return failures;
    }

    /** The 99th percentile latency in milliseconds (fractional). */
    double p99Ms() {
        List<Long> sorted;
        synchronized (micros) {
            sorted = micros.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            throw new AssertionError("the latency probe made no call");
        }
        int index = (int) Math.ceil(sorted.size() * 0.99) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
