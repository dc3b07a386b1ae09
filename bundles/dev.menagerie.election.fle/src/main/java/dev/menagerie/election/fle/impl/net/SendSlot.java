package dev.menagerie.election.fle.impl.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The send queue for one peer, as Apache keeps it: room for one message, the newest replacing an unsent older one
 * (an old vote is worthless once a newer one exists), plus the last message handed to a socket, which a new
 * connection sends again because the old one may have died before the peer read it.
 */
final class SendSlot {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private byte[] waiting;
    private byte[] lastSent;

    /** Queues {@code payload}, dropping a message still waiting. */
    void offer(byte[] payload) {
        lock.lock();
        try {
            waiting = payload;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the waiting message, waiting up to {@code timeoutMs} for one; null when none came. The message becomes
     * the last sent one.
     */
    byte[] take(long timeoutMs) throws InterruptedException {
        long remainingNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (waiting == null && remainingNs > 0) {
                remainingNs = filled.awaitNanos(remainingNs);
            }
            byte[] payload = waiting;
            if (payload != null) {
                waiting = null;
                lastSent = payload;
            }
            return payload;
        } finally {
            lock.unlock();
        }
    }

    /** Puts back a message taken by a connection that closed before writing it, unless a newer one waits. */
    void giveBack(byte[] payload) {
        lock.lock();
        try {
            if (waiting == null) {
                waiting = payload;
                filled.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** What a fresh connection sends first: the last message sent, unless a newer one is waiting anyway. */
    byte[] resendOnConnect() {
        lock.lock();
        try {
            return waiting == null ? lastSent : null;
        } finally {
            lock.unlock();
        }
    }
}
