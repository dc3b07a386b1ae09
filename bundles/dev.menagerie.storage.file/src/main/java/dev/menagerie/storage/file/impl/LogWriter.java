package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.StorageFailedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every queued append, writes them in one go, forces the file once and then
 * completes their stages in order (on this thread, so dependents should be cheap or async). Control work (rolling
 * to a new file, truncating) runs on the same thread, after the appends queued before it.
 *
 * <p>A failed write or force (a full disk, an I/O error) fails its group and every append queued at that moment,
 * and cuts the file back to the end of the last durable entry, so nothing unacknowledged survives a restart; later
 * appends are tried again, which recovers once space is freed.
 *
 * <p>The queue is bounded: at most {@value #MAX_QUEUED_APPENDS} appends wait for the writer, and a producer that
 * finds it full waits for room (back-pressure on the request pipeline or the learner) rather than letting a slow
 * disk grow the heap without limit. Appends made on the writer thread itself (a completion reacting with another
 * append) are never held back, so the writer cannot wait on itself.
 */
final class LogWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_GROUP_ENTRIES = 2000;
    private static final long MAX_GROUP_BYTES = 8L * 1024 * 1024;
    private static final long CLOSE_TIMEOUT_MS = 30_000;
    static final int MAX_QUEUED_APPENDS = 20_000;

    /** Work for the writer thread that is not an append; it runs after the appends queued before it. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws IOException;
    }

    private sealed interface Request permits Append, Control {
    }

    /** {@code slotHeld}: the append took one of the queue's slots, given back when the writer takes it. */
    /** {@code queuedNanos}: when it was queued ({@link System#nanoTime()}). */
    private record Append(LogEntry entry, CompletableFuture<Void> done, boolean slotHeld, long queuedNanos)
            implements Request {
    }

    private record Control(Task<?> task, CompletableFuture<Object> done) implements Request {
    }

    private final Path logDir;
    private final LogSettings settings;
    private final LogChannel.Opener opener;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Semaphore queueSlots = new Semaphore(MAX_QUEUED_APPENDS);
    private final Object admission = new Object();
    private final Thread thread;
    private final AtomicLong fsyncCount = new AtomicLong();
    private final LogMetrics metrics;
    private volatile long lastZxid;
    private boolean closed;
    /** Set once a write or fsync failed for a reason other than a full disk: every later append fails with it. */
    private volatile StorageFailedException broken;
    private long lastQueuedZxid;
    private boolean running = true;
    private ActiveLogFile file;
    /** Requests that were waiting when a write failed: their appends fail too (on the writer thread only). */
    private final List<Request> queuedAtFailure = new ArrayList<>();

    /** How the writer treats the disk. */
    record LogSettings(long preAllocBytes, boolean forceSync, long fsyncWarningThresholdMs) {
    }

    /** @param metrics hears about the queue, each group written and each fsync */
    LogWriter(Path logDir, long lastZxid, LogSettings settings, LogChannel.Opener opener, LogMetrics metrics) {
        this.logDir = logDir;
        this.metrics = metrics;
        this.lastZxid = lastZxid;
        this.lastQueuedZxid = lastZxid;
        this.settings = settings;
        this.opener = opener;
        this.thread = new Thread(this::loop, "menagerie-txnlog-writer " + logDir);
        thread.setDaemon(true);
        thread.start();
    }

    CompletionStage<Void> append(LogEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (entry.txnBytes().length == 0) {
            done.completeExceptionally(new IllegalArgumentException("a log entry needs transaction bytes"));
            return done;
        }
        boolean slotHeld = Thread.currentThread() != thread;
        if (slotHeld) {
            queueSlots.acquireUninterruptibly();
        }
        synchronized (admission) {
            if (closed) {
                done.completeExceptionally(new IOException("the transaction log is closed"));
            } else if (broken != null) {
                done.completeExceptionally(broken);
            } else {
                warnIfOutOfOrder(entry.zxid());
                queue.add(new Append(entry, done, slotHeld, System.nanoTime()));
                metrics.queued.increment();
                return done;
            }
        }
        if (slotHeld) {
            queueSlots.release();
        }
        return done;
    }

    /** As Apache, an out-of-order zxid is written anyway, but it is worth a warning: replay order is file order. */
    private void warnIfOutOfOrder(long zxid) {
        if (zxid <= lastQueuedZxid) {
            LOG.warn("Appending zxid {} after zxid {}: transactions should be logged in increasing zxid order",
                    LogFormat.hex(zxid), LogFormat.hex(lastQueuedZxid));
        }
        lastQueuedZxid = zxid;
    }

    /** Runs {@code task} on the writer thread once the appends queued before it are done, and waits for it. */
    @SuppressWarnings("unchecked")
    <T> T call(Task<T> task) throws IOException {
        CompletableFuture<Object> done = new CompletableFuture<>();
        synchronized (admission) {
            if (closed) {
                throw new IOException("the transaction log is closed");
            }
            queue.add(new Control(task, done));
        }
        return (T) await(done);
    }

    /** The next append starts a new log file, named after its zxid (Apache rolls the log at each snapshot). */
    void roll() throws IOException {
        call(() -> {
            closeFile();
            return null;
        });
    }

    /** Removes every entry after {@code zxid}, once the appends queued before are written; see LogTruncation. */
    void truncate(long zxid) throws IOException {
        call(() -> {
            closeFile();
            setLastZxid(LogTruncation.truncate(logDir, zxid));
            return null;
        });
    }

    /** Replaces the log's end after an external change to the files (truncation). */
    void setLastZxid(long zxid) {
        lastZxid = zxid;
        synchronized (admission) {
            lastQueuedZxid = zxid;
        }
    }

    long lastZxid() {
        return lastZxid;
    }

    /** How many times the log was forced; tests compare it with the number of appends. */
    long fsyncCount() {
        return fsyncCount.get();
    }

    @Override
    public void close() throws IOException {
        CompletableFuture<Object> stopped = new CompletableFuture<>();
        synchronized (admission) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Control(() -> {
                running = false;
                return null;
            }, stopped));
        }
        try {
            stopped.get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            thread.join(CLOSE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the transaction log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the transaction log writer did not stop: " + e, e);
        }
    }

    private void loop() {
        List<Request> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, so that no queued append is left hanging
            }
            queue.drainTo(batch, MAX_GROUP_ENTRIES - 1);
            recordTaken(batch);
            releaseSlots(batch);
            process(batch);
            batch.clear();
        }
        try {
            closeFile();
        } catch (IOException e) {
            LOG.warn("Closing transaction log in {} failed: {}", logDir, e.toString());
        }
    }

    private void recordTaken(List<Request> batch) {
        long takenNanos = System.nanoTime();
        for (Request request : batch) {
            if (request instanceof Append append) {
                metrics.queueTimeMs.record((takenNanos - append.queuedNanos()) / 1_000_000);
            }
        }
        metrics.queueSize.record(queue.size());
    }

    private void process(List<Request> batch) {
        List<Append> group = new ArrayList<>();
        long groupBytes = 0;
        IOException failure = null;
        for (Request request : batch) {
            if (request instanceof Append append) {
                if (failure != null) {
                    append.done().completeExceptionally(failure);
                    continue;
                }
                group.add(append);
                groupBytes += LogFormat.entryBytes(append.entry().txnBytes());
                if (groupBytes >= MAX_GROUP_BYTES) {
                    failure = commit(group);
                    group.clear();
                    groupBytes = 0;
                }
            } else {
                failure = failure != null ? failure : commit(group);
                group.clear();
                groupBytes = 0;
                runControl((Control) request);
            }
        }
        if (failure == null) {
            failure = commit(group);
        }
        if (failure != null) {
            failQueuedAppends(failure);
        }
    }

    /** Writes and forces a group; returns the failure, or null when every entry is durable and acknowledged. */
    private IOException commit(List<Append> group) {
        if (group.isEmpty()) {
            return null;
        }
        if (broken != null) {
            group.forEach(a -> a.done().completeExceptionally(broken));
            return broken;
        }
        boolean forcing = false;
        long startNanos = System.nanoTime();
        try {
            if (file == null) {
                file = ActiveLogFile.create(opener, logDir, group.get(0).entry().zxid(), settings.preAllocBytes());
                LOG.info("Created transaction log {}", file.path());
            }
            long end = file.write(encode(group));
            metrics.processTimeMs.record(msSince(startNanos));
            if (settings.forceSync()) {
                forcing = true;
                timedForce();
            }
            file.markGood(end);
        } catch (IOException | RuntimeException e) {
            IOException failure = failed(group, e, forcing);
            // Taken before anyone learns of the failure, so an append made in reaction to it is not failed too.
            int before = queuedAtFailure.size();
            queue.drainTo(queuedAtFailure);
            releaseSlots(queuedAtFailure.subList(before, queuedAtFailure.size()));
            group.forEach(a -> a.done().completeExceptionally(failure));
            return failure;
        }
        lastZxid = group.get(group.size() - 1).entry().zxid();
        metrics.batchSize.record(group.size());
        metrics.flushTimeMs.record(msSince(startNanos));
        for (Append append : group) {
            metrics.queueAndFlushTimeMs.record(msSince(append.queuedNanos()));
            append.done().complete(null);
        }
        return null;
    }

    private static long msSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * A full disk is cut back and survived: later appends may succeed once there is room. Any other write error,
     * and every fsync error, leaves the file in a state nobody knows (Linux may drop the dirty pages of a failed
     * fsync), so the log is given up: this and every later append fail with a {@link StorageFailedException}.
     */
    private IOException failed(List<Append> group, Exception e, boolean forcing) {
        String what = group.size() + " transaction(s) from zxid " + LogFormat.hex(group.get(0).entry().zxid());
        if (!forcing && e instanceof IOException io && diskFull(io)) {
            LOG.error("Writing {} to the log in {} failed, the disk is full: {}", what, logDir, io.getMessage());
            rollBack();
            return io;
        }
        StorageFailedException fatal = new StorageFailedException((forcing ? "fsync of " : "writing ") + what
                + " to the transaction log in " + logDir + " failed: " + e, e);
        broken = fatal;
        LOG.error("{}; the log accepts no more appends", fatal.getMessage());
        closeQuietly();
        return fatal;
    }

    /** ENOSPC, as the JDK words it on Linux and macOS, or a quota that ran out (EDQUOT). */
    static boolean diskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device")
                    || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer encode(List<Append> group) {
        long bytes = 0;
        for (Append append : group) {
            bytes += LogFormat.entryBytes(append.entry().txnBytes());
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        for (Append append : group) {
            LogFormat.putEntry(buffer, append.entry().txnBytes());
        }
        return buffer.flip();
    }

    private void timedForce() throws IOException {
        long startNs = System.nanoTime();
        file.force();
        fsyncCount.incrementAndGet();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        metrics.fsyncTimeMs.record(elapsedMs);
        if (elapsedMs > settings.fsyncWarningThresholdMs()) {
            LOG.warn("fsync of transaction log {} took {} ms (threshold {} ms), which delays every write;"
                    + " the disk is slow or shared with other busy writers", file.path(), elapsedMs,
                    settings.fsyncWarningThresholdMs());
        }
    }

    /** Cuts a failed write back off; a file that cannot be cut, or holds nothing, is given up. */
    private void rollBack() {
        if (file == null) {
            return;
        }
        try {
            if (!file.hasEntries()) {
                file.discard();
                file = null;
                return;
            }
            file.rollBack();
        } catch (IOException e) {
            LOG.error("Could not cut {} back to offset {} after a failed write ({}); the next append starts a new"
                    + " log and a restart discards the partial entry", file.path(), file.goodEnd(), e.toString());
            closeQuietly();
        }
    }

    /** Gives back the queue slots of appends the writer has just taken off the queue. */
    private void releaseSlots(List<Request> taken) {
        int slots = 0;
        for (Request request : taken) {
            if (request instanceof Append append && append.slotHeld()) {
                slots++;
            }
        }
        queueSlots.release(slots);
    }

    private void failQueuedAppends(IOException failure) {
        List<Request> queued = new ArrayList<>(queuedAtFailure);
        queuedAtFailure.clear();
        for (Request request : queued) {
            if (request instanceof Append append) {
                append.done().completeExceptionally(failure);
            } else {
                runControl((Control) request);
            }
        }
    }

    private void runControl(Control control) {
        try {
            control.done().complete(control.task().run());
        } catch (IOException | RuntimeException e) {
            control.done().completeExceptionally(e);
        }
    }

    private void closeFile() throws IOException {
        if (file != null) {
            ActiveLogFile closing = file;
            file = null;
            closing.close();
        }
    }

    private void closeQuietly() {
        try {
            closeFile();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", logDir, e);
        }
    }

    private static Object await(CompletableFuture<Object> done) throws IOException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the transaction log writer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }
}
