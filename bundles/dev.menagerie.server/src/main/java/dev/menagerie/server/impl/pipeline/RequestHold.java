package dev.menagerie.server.impl.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets a leader stop its prep stage between two requests without failing any: while held, the prep thread waits
 * before the next request, which stays unanswered (as do those queued behind it) until the hold is released or the
 * stage aborts. A leadership transfer holds the stage so that no zxid is given while another server takes over.
 */
final class RequestHold {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final LongSupplier lastZxid;
    private boolean held;
    private boolean aborted;
    private boolean preparing;
    private CompletableFuture<Long> whenHeld;

    /** @param lastZxid the last zxid the stage gave a write, read once the stage is between requests */
    RequestHold(LongSupplier lastZxid) {
        this.lastZxid = lastZxid;
    }

    /**
     * Holds the stage: completes with the last zxid given once no request is being prepared, so that no zxid after
     * it is given until {@link #release}. Holding twice is refused: one caller owns the hold.
     */
    CompletionStage<Long> hold() {
        lock.lock();
        try {
            if (aborted) {
                return CompletableFuture.failedStage(new IllegalStateException("the pipeline stopped"));
            }
            if (held) {
                return CompletableFuture.failedStage(new IllegalStateException("requests are held already"));
            }
            held = true;
            whenHeld = new CompletableFuture<>();
            CompletableFuture<Long> result = whenHeld;
            if (!preparing) {
                completeHeld();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Lets the stage go on with the requests that waited. */
    void release() {
        open(false, "released before the hold took effect");
    }

    /** The stage is dropping its requests: a waiting prep thread returns, and no hold is granted any more. */
    void abort() {
        open(true, "the pipeline stopped");
    }

    private void open(boolean abort, String pendingHoldFailure) {
        lock.lock();
        try {
            held = false;
            aborted |= abort;
            if (whenHeld != null) {
                whenHeld.completeExceptionally(new IllegalStateException(pendingHoldFailure));
                whenHeld = null;
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The prep thread, before a request: waits while held. False when the stage aborted meanwhile, and the request
     * is to be dropped unanswered like every other queued one.
     */
    boolean enter() throws InterruptedException {
        lock.lock();
        try {
            while (held && !aborted) {
                released.await();
            }
            preparing = !aborted;
            return preparing;
        } finally {
            lock.unlock();
        }
    }

    /** The prep thread, after a request. */
    void exit() {
        lock.lock();
        try {
            preparing = false;
            if (held && whenHeld != null) {
                completeHeld();
            }
        } finally {
            lock.unlock();
        }
    }

    private void completeHeld() {
        CompletableFuture<Long> done = whenHeld;
        whenHeld = null;
        // Between two requests: what the caller chains on it runs under the lock, so it must only hand over.
        done.complete(lastZxid.getAsLong());
    }
}
