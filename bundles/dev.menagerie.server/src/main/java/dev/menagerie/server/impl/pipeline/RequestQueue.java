package dev.menagerie.server.impl.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The inbox of one pipeline stage: its thread takes requests in arrival order and hands each to the stage,
 * until {@link #stop} has let everything queued before it through. At most {@code capacity} requests wait: a
 * client's request that finds the inbox full is refused ({@link #offer} returns false and the caller answers for
 * it), while a stage feeding the next one waits for a place ({@link #put}), which is safe because no stage waits
 * for the one before it.
 */
final class RequestQueue implements Runnable {

    private static final Request STOP = new Request(null, 0, 0, 0, new byte[0], List.of());

    /** Unbounded as a structure: the room bounds the requests, and the stop marker always gets in. */
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Room room;
    private final Consumer<Request> stage;

    RequestQueue(Consumer<Request> stage, int capacity) {
        this.stage = stage;
        this.room = new Room(capacity);
    }

    /** Queues {@code request} unless the inbox is full or its stage ended; false then, and nothing is queued. */
    boolean offer(Request request) {
        if (!room.tryEnter()) {
            return false;
        }
        queue.add(request);
        return true;
    }

    /** Queues {@code request}, waiting while the inbox is full; false when the stage ended (the request is dropped). */
    boolean put(Request request) throws InterruptedException {
        if (!room.enter()) {
            return false;
        }
        queue.add(request);
        return true;
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return room.capacity();
    }

    void stop() {
        queue.add(STOP);
    }

    /** Drops what is queued, then stops. */
    void abort() {
        List<Request> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        dropped.removeIf(request -> request == STOP);
        room.leave(dropped.size());
        queue.add(STOP);
    }

    @Override
    public void run() {
        try {
            for (Request request = queue.take(); request != STOP; request = queue.take()) {
                room.leave(1);
                stage.accept(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            room.close();
        }
    }
}
