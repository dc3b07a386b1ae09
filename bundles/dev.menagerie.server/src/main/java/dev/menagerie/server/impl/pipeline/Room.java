package dev.menagerie.server.impl.pipeline;

import java.util.concurrent.Semaphore;

/**
 * The bound of a stage's queue: a producer takes a place before it queues an item and the stage's thread gives it
 * back when it takes the item. Once the stage ends the room is closed: nobody gets in, and a producer that waited
 * for a place is let go empty-handed, so no thread waits for a stage that is gone.
 */
final class Room {

    private final int capacity;
    private final Semaphore places;
    private volatile boolean closed;

    Room(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.places = new Semaphore(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** The places taken now: items queued, or about to be. */
    int occupied() {
        return capacity - places.availablePermits();
    }

    /** Takes a place if one is free now; false when the room is full or closed. */
    boolean tryEnter() {
        if (closed || !places.tryAcquire()) {
            return false;
        }
        if (closed) {
            places.release();
            return false;
        }
        return true;
    }

    /** Waits for a place; false when the room is (or gets) closed, and then nothing may be queued. */
    boolean enter() throws InterruptedException {
        places.acquire();
        if (closed) {
            // Passes the place on, so every producer still waiting wakes up as well.
            places.release();
            return false;
        }
        return true;
    }

    void leave(int items) {
        places.release(items);
    }

    void close() {
        closed = true;
        places.release();
    }
}
