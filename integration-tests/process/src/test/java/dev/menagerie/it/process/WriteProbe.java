package dev.menagerie.it.process;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * Small writes (ephemeral sequential nodes under the root, gone with the probe's session) through one client, to
 * learn whether a quorum commits. Every attempt is asynchronous with its own deadline, so a server that accepts TCP
 * but never answers (paused, or without a quorum) cannot hold the caller beyond its timeout.
 */
public final class WriteProbe implements AutoCloseable {

    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final long RETRY_PAUSE_MS = 20;
    private static final String PREFIX = "/probe-";

    private final String connectString;
    private ZooKeeper client;
    private String lastFailure = "no attempt yet";

    public WriteProbe(String connectString) {
        this.connectString = connectString;
    }

    /**
     * Writes until one write is acknowledged; returns how long that took, or null if none was within
     * {@code timeout} (see {@link #lastFailure()}).
     */
    public Duration awaitWrite(Duration timeout) throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + timeout.toNanos();
        while (System.nanoTime() < deadlineNs) {
            int rc = attempt(deadlineNs);
            if (rc == Code.OK.intValue()) {
                return Duration.ofNanos(System.nanoTime() - startNs);
            }
            if (rc == Code.SESSIONEXPIRED.intValue() || rc == Code.AUTHFAILED.intValue()) {
                reopen();
            }
            Thread.sleep(RETRY_PAUSE_MS);
        }
        return null;
    }

    /** Tries writes for the whole {@code window}; returns how many were acknowledged (0 when no quorum serves). */
    public int acknowledgedWritesDuring(Duration window) throws IOException, InterruptedException {
        long deadlineNs = System.nanoTime() + window.toNanos();
        int acknowledged = 0;
        while (System.nanoTime() < deadlineNs) {
            int rc = attempt(deadlineNs);
            if (rc == Code.OK.intValue()) {
                acknowledged++;
            } else if (rc == Code.SESSIONEXPIRED.intValue()) {
                reopen();
            }
            Thread.sleep(RETRY_PAUSE_MS);
        }
        return acknowledged;
    }

    /** One create; its result code, or OPERATIONTIMEOUT when no answer came before {@code deadlineNs}. */
    private int attempt(long deadlineNs) throws IOException, InterruptedException {
        if (client == null) {
            reopen();
        }
        CountDownLatch answered = new CountDownLatch(1);
        AtomicInteger result = new AtomicInteger(Code.OPERATIONTIMEOUT.intValue());
        client.create(PREFIX, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL,
                (rc, path, ctx, name) -> {
                    result.set(rc);
                    answered.countDown();
                }, null);
        answered.await(Math.max(1, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        int rc = result.get();
        if (rc != Code.OK.intValue()) {
            lastFailure = Code.get(rc) + " from " + connectString;
        }
        return rc;
    }

    private void reopen() throws IOException, InterruptedException {
        Clients.closeQuietly(client);
        client = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> { });
    }

    /** Why the last write failed. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        Clients.closeQuietly(client);
        client = null;
    }
}
