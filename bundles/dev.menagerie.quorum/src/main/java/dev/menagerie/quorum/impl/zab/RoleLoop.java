package dev.menagerie.quorum.impl.zab;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that feeds a role's deterministic core: events from connection threads and the request pipeline
 * queue up here and run in order, and a tick fires every {@code tickMs}. Runs until {@link #finish} is called.
 */
final class RoleLoop implements EventLoop {

    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final long tickNanos;
    private final Runnable onTick;
    private volatile String endReason;

    RoleLoop(long tickMs, Runnable onTick) {
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, tickMs));
        this.onTick = onTick;
    }

    @Override
    public void post(Runnable event) {
        events.add(event);
    }

    /** Ends the loop after the event that calls it; the first reason given wins. */
    @Override
    public void finish(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
        events.add(() -> { });
    }

    @Override
    public boolean finished() {
        return endReason != null;
    }

    @Override
    public long nowMs() {
        return System.currentTimeMillis();
    }

    /** Runs events and ticks on the calling thread until finished; returns why it ended. */
    String run() throws InterruptedException {
        long nextTick = System.nanoTime() + tickNanos;
        while (endReason == null) {
            long waitNanos = nextTick - System.nanoTime();
            Runnable event = waitNanos > 0 ? events.poll(waitNanos, TimeUnit.NANOSECONDS) : null;
            if (event != null) {
                event.run();
            }
            if (System.nanoTime() - nextTick >= 0 && endReason == null) {
                nextTick += tickNanos;
                onTick.run();
            }
        }
        return endReason;
    }
}
