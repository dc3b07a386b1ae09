package dev.menagerie.admin.impl.command;

import java.util.function.LongSupplier;

/**
 * One permit per interval, as Apache ZooKeeper's {@code RateLimiter(1, interval, unit)}: the permit exists from
 * creation, and a new one is granted once more than the interval has passed since the last time one was granted
 * afresh (not since the last request), so a refused request does not push the next permit back.
 */
final class RateLimiter {

    private final LongSupplier clockMs;
    private long lastResetMs;
    private boolean permit = true;

    /** @param clockMs a monotonic clock in milliseconds */
    RateLimiter(LongSupplier clockMs) {
        this.clockMs = clockMs;
        this.lastResetMs = clockMs.getAsLong();
    }

    static RateLimiter monotonic() {
        return new RateLimiter(() -> System.nanoTime() / 1_000_000);
    }

    /** Takes the permit if there is one. */
    synchronized boolean allow(long intervalMs) {
        long now = clockMs.getAsLong();
        if (now > lastResetMs + intervalMs) {
            permit = true;
            lastResetMs = now;
        }
        boolean allowed = permit;
        permit = false;
        return allowed;
    }
}
