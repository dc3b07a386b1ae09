package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes one connection's packets on a thread of its own, so that a slow peer never blocks the role's event loop,
 * and flushes only when the queue runs dry, so that a burst of proposals shares system calls.
 *
 * <p>The queue is bounded twice: {@link #DEFAULT_MAX_QUEUED_BYTES} of packets and {@link #DEFAULT_MAX_QUEUED_ITEMS}
 * entries. A peer that reads slower than the ensemble writes would otherwise fill the sender's memory; the sender
 * cannot wait either, as it is fed by the role's loop. So past either bound the connection fails through {@code
 * onFailure}, as Apache's leader drops a learner it cannot keep up with: the leader drops that learner, which syncs
 * again when it reconnects; a learner drops its leader and elects again. Nothing queued is lost silently: the whole
 * connection goes, and the next sync restores what it carried.
 */
final class PacketSender {

    /** Something to put on the wire: a packet, or a packet followed by a stream (SNAP and the snapshot). */
    interface Item {
        void writeTo(PacketChannel channel) throws IOException;
    }

    /** Told about each entry the writing thread takes: how many still wait behind it, and how long it waited. */
    interface QueueWatcher {
        QueueWatcher NONE = (stillQueued, waitedMs) -> {
        };

        void taken(int stillQueued, long waitedMs);
    }

    /** What a packet without payload is counted as: its header and framing. */
    private static final int HEADER_BYTES = 32;
    /** The default byte bound: far above a healthy backlog, far below a heap. */
    static final long DEFAULT_MAX_QUEUED_BYTES = 256L * 1024 * 1024;
    /** The default entry bound: a few seconds of proposals at full speed; keeps tiny packets from piling up. */
    static final int DEFAULT_MAX_QUEUED_ITEMS = 1_000_000;

    private final PacketChannel channel;
    private final BlockingQueue<Queued> queue;
    private final Thread thread;
    private final Consumer<IOException> onFailure;
    private final QueueWatcher watcher;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean stopped;

    PacketSender(PacketChannel channel, String name, Consumer<IOException> onFailure, QueueWatcher watcher) {
        this(channel, name, onFailure, watcher, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_QUEUED_ITEMS);
    }

    PacketSender(PacketChannel channel, String name, Consumer<IOException> onFailure, QueueWatcher watcher,
            long maxQueuedBytes, int maxQueuedItems) {
        this.channel = channel;
        this.onFailure = onFailure;
        this.watcher = watcher;
        this.maxQueuedBytes = maxQueuedBytes;
        this.queue = new LinkedBlockingQueue<>(maxQueuedItems);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void send(QuorumPacket packet) {
        int bytes = HEADER_BYTES + (packet.data() == null ? 0 : packet.data().length);
        if (stopped) {
            return;
        }
        if (queuedBytes.addAndGet(bytes) > maxQueuedBytes) {
            overflow("more than " + maxQueuedBytes + " bytes of packets wait for it");
            return;
        }
        if (!queue.offer(new Queued(bytes, c -> c.write(packet), System.nanoTime()))) {
            queuedBytes.addAndGet(-bytes);
            overflow(queue.size() + " packets wait for it");
        }
    }

    /** A stream (the snapshot after SNAP); one entry, not counted in bytes: it is written once, from the tree. */
    void enqueue(Item item) {
        if (!stopped && !queue.offer(new Queued(0, item, System.nanoTime()))) {
            overflow(queue.size() + " packets wait for it");
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Stops writing; what is still queued is not written (the connection is being closed). */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private synchronized void overflow(String backlog) {
        if (stopped) {
            return; // another thread's packet passed the bound first, and reported it
        }
        stop();
        onFailure.accept(new IOException("the peer reads too slowly: " + backlog));
    }

    /** An entry with its size in bytes (0: not counted) and when it was queued ({@link System#nanoTime()}). */
    private record Queued(int bytes, Item item, long queuedNanos) {
    }

    private void run() {
        try {
            while (!stopped) {
                Queued queued = queue.take();
                watcher.taken(queue.size(), (System.nanoTime() - queued.queuedNanos()) / 1_000_000);
                queued.item().writeTo(channel);
                queuedBytes.addAndGet(-queued.bytes());
                if (queue.isEmpty()) {
                    channel.flush();
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                onFailure.accept(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped
        }
    }
}
