package dev.menagerie.server.impl.pipeline;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The inbox of one pipeline stage: its thread takes requests in arrival order and hands each to the stage,
 * until {@link #stop} has let everything queued before it through.
 */
final class RequestQueue implements Runnable {

    private static final Request STOP = new Request(null, 0, 0, 0, new byte[0], List.of());

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Consumer<Request> stage;

    RequestQueue(Consumer<Request> stage) {
        this.stage = stage;
    }

    void submit(Request request) {
        queue.add(request);
    }

    int size() {
        return queue.size();
    }

    void stop() {
        queue.add(STOP);
    }

    /** Drops what is queued, then stops. */
    void abort() {
        queue.clear();
        queue.add(STOP);
    }

    @Override
    public void run() {
        try {
            for (Request request = queue.take(); request != STOP; request = queue.take()) {
                stage.accept(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
