package dev.menagerie.quorum.impl.zab;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that feeds a role's deterministic core: events from connection threads and the request pipeline
 * queue up here and run in order, and a tick fires every {@code tickMs}. Runs until {@link #finish} is called.
 *
 * <p>The queue holds at most {@link #DEFAULT_CAPACITY} events. When it is full, a thread that posts waits until
 * there is room (back-pressure: a learner's reader stops reading its socket, the request pipeline stops proposing),
 * or until the role finished, when its event would never run anyway. Events the loop's own thread posts (a log
 * write that completed at once) never wait: the loop cannot wait for itself; they run before the next queued
 * event, and there are at most as many as the event being run produced. Completions of work the loop started
 * ({@link #postCompletion}) never wait either and run before queued events: they are bounded by that work.
 */
final class RoleLoop implements EventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RoleLoop.class);
    /** Far above what a healthy loop holds (it drains thousands per millisecond), far below a heap. */
    static final int DEFAULT_CAPACITY = 10_000;
    /** How often a waiting producer looks whether the role finished. */
    private static final long FULL_RECHECK_MS = 50;

    private final BlockingQueue<Runnable> events;
    private final ArrayDeque<Runnable> ownEvents = new ArrayDeque<>();
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final long tickNanos;
    private final Runnable onTick;
    private volatile String endReason;
    private volatile Thread loopThread;
    /** The thread {@link #runAside} work runs on, started on first use and ended with the loop. */
    private ExecutorService aside;

    RoleLoop(long tickMs, Runnable onTick) {
        this(tickMs, onTick, DEFAULT_CAPACITY);
    }

    RoleLoop(long tickMs, Runnable onTick, int capacity) {
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, tickMs));
        this.onTick = onTick;
        this.events = new LinkedBlockingQueue<>(capacity);
    }

    @Override
    public void post(Runnable event) {
        if (Thread.currentThread() == loopThread) {
            ownEvents.add(event);
            return;
        }
        try {
            while (!events.offer(event, FULL_RECHECK_MS, TimeUnit.MILLISECONDS)) {
                if (finished()) {
                    return; // the loop runs no more events: the role's shutdown answers what waited
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("An event for the role's loop was dropped: {} was interrupted while the queue was full; "
                    + "ending the role", Thread.currentThread().getName());
            finish("an event was lost: its poster was interrupted while the loop's queue was full");
        }
    }

    @Override
    public void postCompletion(Runnable completion) {
        completions.add(completion);
        events.offer(() -> { }); // wakes an idle loop; a full one is busy and runs completions first
    }

    /** Ends the loop after the event that calls it; the first reason given wins. Never waits. */
    @Override
    public void finish(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
        events.offer(() -> { }); // wakes an idle loop; a full one is busy and sees the reason after its event
    }

    @Override
    public boolean finished() {
        return endReason != null;
    }

    @Override
    public long nowMs() {
        return System.currentTimeMillis();
    }

    @Override
    public synchronized void runAside(Runnable work) {
        if (aside == null) {
            String name = Thread.currentThread().getName() + "-aside";
            aside = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        aside.execute(work);
    }

    /** Runs events and ticks on the calling thread until finished; returns why it ended. */
    String run() throws InterruptedException {
        try {
            return runEvents();
        } finally {
            synchronized (this) {
                if (aside != null) {
                    aside.shutdownNow();
                }
            }
        }
    }

    private String runEvents() throws InterruptedException {
        loopThread = Thread.currentThread();
        long nextTick = System.nanoTime() + tickNanos;
        while (endReason == null) {
            Runnable event = ownEvents.poll();
            if (event == null) {
                event = completions.poll();
            }
            if (event == null) {
                long waitNanos = nextTick - System.nanoTime();
                event = waitNanos > 0 ? events.poll(waitNanos, TimeUnit.NANOSECONDS) : null;
            }
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
