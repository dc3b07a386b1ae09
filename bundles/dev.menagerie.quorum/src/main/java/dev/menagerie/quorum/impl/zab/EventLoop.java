package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.replication.Replica;

/**
 * The clock seam of a role: the one thread its core and effects run on, its order of events and its time. A
 * {@link RoleLoop} in production; the simulation's event queue in tests. Whoever owns the loop also calls the
 * effects' {@code tick()} on its timer.
 */
interface EventLoop {

    /** How often a role's loop ticks its core: twice per tickTime, as Apache's leader pings; limits are doubled. */
    static long tickMs(Replica replica) {
        return replica.config().tickTimeMs() / 2;
    }

    /** Runs {@code event} on the role's thread after the events posted before it; never once the role finished. */
    void post(Runnable event);

    /**
     * Like {@link #post}, for the completion of work the role started itself (a log write): it never waits for room,
     * so that a storage thread cannot block on a loop that waits for it; there are at most as many as the loop
     * started.
     */
    void postCompletion(Runnable completion);

    /**
     * Runs {@code work} off the role's thread, for reads that must not hold the loop up (the log for a learner's
     * sync); the work hands its result back through {@link #postCompletion}. By default it is an event like any
     * other, which keeps a simulation deterministic.
     */
    default void runAside(Runnable work) {
        post(work);
    }

    /** Ends the role; the first reason given wins. */
    void finish(String reason);

    boolean finished();

    /** Wall-clock time in milliseconds, for what operators read (uptime). */
    long nowMs();
}
