package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Writes one connection's packets on a thread of its own, so that a slow peer never blocks the role's event loop,
 * and flushes only when the queue runs dry, so that a burst of proposals shares system calls.
 */
final class PacketSender {

    /** Something to put on the wire: a packet, or a packet followed by a stream (SNAP and the snapshot). */
    interface Item {
        void writeTo(PacketChannel channel) throws IOException;
    }

    private static final Item STOP = channel -> { };

    private final PacketChannel channel;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Consumer<IOException> onFailure;
    private volatile boolean stopped;

    PacketSender(PacketChannel channel, String name, Consumer<IOException> onFailure) {
        this.channel = channel;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void send(QuorumPacket packet) {
        enqueue(c -> c.write(packet));
    }

    void enqueue(Item item) {
        if (!stopped) {
            queue.add(item);
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
