package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Writes one connection's packets on a thread of its own, so that a slow peer never blocks the role's event loop,
 * and flushes only when the queue runs dry, so that a burst of proposals shares system calls. The queue is bounded
 * in bytes: a peer that reads slower than the ensemble writes would otherwise fill the sender's memory, so past
 * the bound the connection fails, and the peer comes back through a fresh sync.
 */
final class PacketSender {

    /** Something to put on the wire: a packet, or a packet followed by a stream (SNAP and the snapshot). */
    interface Item {
        void writeTo(PacketChannel channel) throws IOException;
    }

    private static final Item STOP = channel -> { };
    /** What a packet without payload is counted as: its header and framing. */
    private static final int HEADER_BYTES = 32;
    /** The default bound: far above a healthy backlog, far below a heap. */
    static final long DEFAULT_MAX_QUEUED_BYTES = 256L * 1024 * 1024;

    private final PacketChannel channel;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Consumer<IOException> onFailure;
    private final long maxQueuedBytes;
    private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean stopped;

    PacketSender(PacketChannel channel, String name, Consumer<IOException> onFailure) {
        this(channel, name, onFailure, DEFAULT_MAX_QUEUED_BYTES);
    }

    PacketSender(PacketChannel channel, String name, Consumer<IOException> onFailure, long maxQueuedBytes) {
        this.channel = channel;
        this.onFailure = onFailure;
        this.maxQueuedBytes = maxQueuedBytes;
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
            stopped = true;
            queue.add(STOP);
            onFailure.accept(new IOException("the peer reads too slowly: more than " + maxQueuedBytes
                    + " bytes of packets wait for it"));
            return;
        }
        queue.add(new Sized(bytes, c -> c.write(packet)));
    }

    /** A stream (the snapshot after SNAP); not counted against the bound, it is written once. */
    void enqueue(Item item) {
        if (!stopped) {
            queue.add(item);
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    private record Sized(int bytes, Item item) implements Item {
        @Override
        public void writeTo(PacketChannel channel) throws IOException {
            item.writeTo(channel);
        }
    }

    void stop() {
        stopped = true;
        queue.add(STOP);
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == STOP) {
                    return;
                }
                item.writeTo(channel);
                if (item instanceof Sized sized) {
                    queuedBytes.addAndGet(-sized.bytes());
                }
                if (queue.isEmpty()) {
                    channel.flush();
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                onFailure.accept(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
