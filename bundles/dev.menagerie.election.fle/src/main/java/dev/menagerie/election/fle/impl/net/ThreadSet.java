package dev.menagerie.election.fle.impl.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one election port, so that closing it can wait for them with a bounded join. Threads are daemons:
 * a stuck one must never keep the JVM alive.
 */
final class ThreadSet {

    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    Thread start(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        live.add(thread);
        thread.start();
        return thread;
    }

    /** Interrupts every thread, then waits until they are gone or {@code timeoutMs} passed; true when all ended. */
    boolean stop(long timeoutMs) throws InterruptedException {
        for (Thread thread : live) {
            thread.interrupt();
        }
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Thread thread : live) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (leftMs <= 0) {
                break;
            }
            thread.join(leftMs);
        }
        return live.isEmpty();
    }

    int size() {
        return live.size();
    }
}
