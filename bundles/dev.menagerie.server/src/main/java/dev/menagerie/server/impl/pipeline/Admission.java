package dev.menagerie.server.impl.pipeline;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Apache's {@code globalOutstandingLimit}: how many client requests the server holds between reading them and
 * answering them. A request is admitted when its connection hands it over and released when the stage that
 * answers it takes it up (the commit stage; on a learner, when it answers or drops it). Past the limit, connections
 * stop reading until enough are released, so clients wait in their sockets rather than in our queues; the queues
 * themselves have a hard bound ({@link StageSettings#queueCapacity()}) above this soft one.
 *
 * <p>It also holds the bytes of the large requests admitted, against {@link LargeRequestLimit}.
 */
public final class Admission {

    /** What {@link #reserveLarge} answers when a large request does not fit. */
    public static final int REFUSED = -1;

    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong largeRequestBytes = new AtomicLong();
    private volatile int limit;
    private volatile LargeRequestLimit largeRequests;

    public Admission(int limit, LargeRequestLimit largeRequests) {
        this.limit = limit;
        this.largeRequests = largeRequests;
    }

    /** New limits (a zoo.cfg change); requests already admitted stay. */
    public void limit(int newLimit, LargeRequestLimit newLargeRequests) {
        limit = newLimit;
        largeRequests = newLargeRequests;
    }

    /**
     * For a request of {@code requestBytes} about to be submitted: if it is large, reserves its bytes and returns
     * them (to be handed to the {@link Request}); 0 for a request that is not large; {@link #REFUSED}, reserving
     * nothing, when the large requests held would then exceed the maximum.
     */
    public int reserveLarge(int requestBytes) {
        LargeRequestLimit current = largeRequests;
        if (!current.isLarge(requestBytes)) {
            return 0;
        }
        if (largeRequestBytes.addAndGet(requestBytes) > current.maxBytes()) {
            largeRequestBytes.addAndGet(-requestBytes);
            return REFUSED;
        }
        return requestBytes;
    }

    /** Large request bytes held now. */
    public long largeRequestBytes() {
        return largeRequestBytes.get();
    }

    public void admit() {
        outstanding.incrementAndGet();
    }

    /** A request dropped before it was admitted (the server stopped serving) gives back its large bytes. */
    public void dropped(Request request) {
        largeRequestBytes.addAndGet(-request.largeRequestBytes());
    }

    /** The stage is done with a client's request: it leaves the count, and its large bytes are given back. */
    public void release(Request request) {
        int now = outstanding.decrementAndGet();
        assert now >= 0 : "released more client requests than were admitted";
        if (request.largeRequestBytes() > 0) {
            largeRequestBytes.addAndGet(-request.largeRequestBytes());
        }
    }

    /** True while more requests are outstanding than the limit allows: connections then stop reading. */
    public boolean overloaded() {
        return outstanding.get() > limit;
    }

    public int outstanding() {
        return outstanding.get();
    }

    /** Forgets the requests of stages that ended without answering them (a quorum peer lost its role). */
    public void reset() {
        outstanding.set(0);
        largeRequestBytes.set(0);
    }
}
