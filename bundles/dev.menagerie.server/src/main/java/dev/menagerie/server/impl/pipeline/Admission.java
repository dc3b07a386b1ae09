package dev.menagerie.server.impl.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apache's {@code globalOutstandingLimit}: how many client requests the server holds between reading them and
 * answering them. A request is admitted when its connection hands it over and released when the stage that
 * answers it takes it up (the commit stage; on a learner, when it answers or drops it). Past the limit, connections
 * stop reading until enough are released, so clients wait in their sockets rather than in our queues; the queues
 * themselves have a hard bound ({@link StageSettings#queueCapacity()}) above this soft one.
 */
public final class Admission {

    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile int limit;

    public Admission(int limit) {
        this.limit = limit;
    }

    /** A new limit (a zoo.cfg change); requests already admitted stay. */
    public void limit(int newLimit) {
        limit = newLimit;
    }

    public void admit() {
        outstanding.incrementAndGet();
    }

    public void release() {
        int now = outstanding.decrementAndGet();
        assert now >= 0 : "released more client requests than were admitted";
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
    }
}
