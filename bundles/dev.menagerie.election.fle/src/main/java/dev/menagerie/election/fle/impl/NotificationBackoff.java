package dev.menagerie.election.fle.impl;

/**
 * How long a looking peer waits for a notification before it sends its vote again: doubling from the minimum to
 * the maximum interval within one round, never shrinking until the next round (as Apache's {@code notTimeout}).
 */
final class NotificationBackoff {

    private final long maxIntervalMs;
    private long intervalMs;

    NotificationBackoff(long minIntervalMs, long maxIntervalMs) {
        this.intervalMs = minIntervalMs;
        this.maxIntervalMs = maxIntervalMs;
    }

    long intervalMs() {
        return intervalMs;
    }

    /** Called when a wait ran out: the next wait is twice as long, up to the maximum. */
    void expired() {
        intervalMs = Math.min(intervalMs * 2, maxIntervalMs);
    }
}
