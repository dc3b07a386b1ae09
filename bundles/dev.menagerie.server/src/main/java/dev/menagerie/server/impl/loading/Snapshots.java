package dev.menagerie.server.impl.loading;

import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.status.SnapshotStatus;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.tree.DataTree;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how the server writes snapshot files: every so many transactions on a thread of its own, and on
 * demand. The tree and sessions are read when the snapshot starts, so one that replaced them is what gets written.
 */
public final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final Supplier<Database> db;
    private final Summary snapshotTimeMs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "menagerie-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SnapshotStatus last = SnapshotStatus.NONE;
    private int txnsSinceSnapshot;
    private int snapshotAfterTxns;

    /**
     * @param db the database as it is now; one that replaced another since is what gets written
     * @param snapshotTimeMs where each snapshot's duration is recorded
     */
    public Snapshots(Supplier<Database> db, Summary snapshotTimeMs) {
        this.db = db;
        this.snapshotTimeMs = snapshotTimeMs;
    }

    /** As Apache: each server snapshots at a random point in [snapCount/2 + 1, snapCount]. */
    public void scheduleNext(int snapCount) {
        snapshotAfterTxns = snapCount / 2 + 1 + ThreadLocalRandom.current().nextInt(Math.max(1, snapCount / 2));
        txnsSinceSnapshot = 0;
    }

    /** Called on the applying thread after each transaction; starts a background snapshot when one is due. */
    public void afterTxn(int snapCount) {
        if (++txnsSinceSnapshot >= snapshotAfterTxns && running.compareAndSet(false, true)) {
            long zxid = db.get().lastProcessedZxid();
            scheduleNext(snapCount);
            executor.execute(() -> {
                try {
                    take(zxid);
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /**
     * Writes a snapshot named after {@code zxid}, the last transaction applied when it was asked for. After
     * start-up it runs on its own thread while requests go on, so it is fuzzy exactly as Apache's is: it may hold
     * some later changes, and loading replays the log from {@code zxid + 1}, which applies them again to the same
     * result.
     */
    public void take(long zxid) {
        try {
            write(zxid);
        } catch (IOException e) {
            LOG.error("Snapshot 0x{} failed: {}; the log still holds every transaction", Long.toHexString(zxid),
                    e.getMessage());
        }
    }

    /**
     * Writes a snapshot file named after {@code zxid} now, on the calling thread. One at a time: a snapshot asked
     * for (the admin {@code snapshot}) while the scheduled one of the same zxid runs would write the same file.
     */
    public synchronized void write(long zxid) throws IOException {
        Database current = db.get();
        write(zxid, current.tree(), current.sessions().sessionTimeouts());
    }

    /** Writes a snapshot of a tree that does not serve yet (a restore persists it before it replaces the database). */
    public synchronized void write(long zxid, DataTree tree, Map<Long, Integer> sessionTimeouts) throws IOException {
        long started = System.nanoTime();
        db.get().storage().snapshot(zxid, out -> tree.writeSnapshot(out, sessionTimeouts));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        snapshotTimeMs.record(elapsedMs);
        last = new SnapshotStatus(zxid, System.currentTimeMillis() / 1000);
        LOG.info("Snapshot 0x{} written: {} nodes in {} ms", Long.toHexString(zxid), tree.nodeCount(), elapsedMs);
    }

    /** The newest snapshot written since start-up. */
    public SnapshotStatus last() {
        return last;
    }

    /** Lets a running snapshot finish (at most a minute). */
    public void shutdown() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(60, TimeUnit.SECONDS);
    }
}
