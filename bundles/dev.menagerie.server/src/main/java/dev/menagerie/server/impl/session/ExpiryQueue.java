package dev.menagerie.server.impl.session;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Elements grouped into buckets by expiry time, as Apache ZooKeeper's {@code ExpiryQueue}. Expiry times are rounded
 * up to the next multiple of the expiration interval (the tick time for sessions), so that one poll per interval
 * expires a whole bucket at once.
 *
 * <p>{@link #poll} walks forward one interval per call, exactly like Apache's: a caller that fell behind calls it
 * again while {@link #waitTimeMs} is zero. Like Apache's, a polled element stays known (with its past expiry time)
 * until it is updated or removed, so {@link #remove} after expiry still reports when it expired. Time is passed in;
 * nothing here reads a clock. Not thread-safe.
 */
public final class ExpiryQueue<E> {
    private final Map<E, Long> expiryByElement = new HashMap<>();
    private final TreeMap<Long, Set<E>> elementsByExpiry = new TreeMap<>();
    private final int expirationIntervalMs;
    private long nextExpirationMs;

    /**
     * @param expirationIntervalMs bucket width; must be positive
     * @param nowMs                current time; the first bucket to poll is the one after it
     */
    public ExpiryQueue(int expirationIntervalMs, long nowMs) {
        if (expirationIntervalMs <= 0) {
            throw new IllegalArgumentException("expiration interval must be positive: " + expirationIntervalMs);
        }
        this.expirationIntervalMs = expirationIntervalMs;
        this.nextExpirationMs = roundToNextInterval(nowMs);
    }

    /** The first multiple of the interval strictly after {@code timeMs} (a multiple itself rounds up too). */
    public long roundToNextInterval(long timeMs) {
        return (timeMs / expirationIntervalMs + 1) * expirationIntervalMs;
    }

    /**
     * Sets when {@code element} expires: {@code nowMs + timeoutMs} rounded up to the next interval.
     *
     * @return the new expiry time, or empty if the element already expired at that time
     */
    public OptionalLong update(E element, int timeoutMs, long nowMs) {
        long newExpiryMs = roundToNextInterval(nowMs + timeoutMs);
        Long previousExpiryMs = expiryByElement.put(element, newExpiryMs);
        if (previousExpiryMs != null && previousExpiryMs == newExpiryMs) {
            return OptionalLong.empty();
        }
        elementsByExpiry.computeIfAbsent(newExpiryMs, key -> new LinkedHashSet<>()).add(element);
        if (previousExpiryMs != null) {
            removeFromBucket(previousExpiryMs, element);
        }
        return OptionalLong.of(newExpiryMs);
    }

    /** Forgets {@code element}; returns the time it was due to expire, or empty if it was not queued. */
    public OptionalLong remove(E element) {
        Long expiryMs = expiryByElement.remove(element);
        if (expiryMs == null) {
            return OptionalLong.empty();
        }
        removeFromBucket(expiryMs, element);
        return OptionalLong.of(expiryMs);
    }

    /** Milliseconds until the next bucket is due, or 0 if it is due now. */
    public long waitTimeMs(long nowMs) {
        return nowMs < nextExpirationMs ? nextExpirationMs - nowMs : 0L;
    }

    /**
     * Removes and returns the bucket due at the next expiration time, if that time has come, and moves the next
     * expiration time one interval on. Returns an empty set when nothing is due yet or the bucket is empty.
     */
    public Set<E> poll(long nowMs) {
        if (nowMs < nextExpirationMs) {
            return Set.of();
        }
        long dueMs = nextExpirationMs;
        nextExpirationMs += expirationIntervalMs;
        Set<E> due = elementsByExpiry.remove(dueMs);
        if (due == null) {
            return Set.of();
        }
        return Collections.unmodifiableSet(due);
    }

    /** When {@code element} expires, or empty if it is not queued. */
    public OptionalLong expiryTimeMs(E element) {
        Long expiryMs = expiryByElement.get(element);
        return expiryMs == null ? OptionalLong.empty() : OptionalLong.of(expiryMs);
    }

    /** A sorted snapshot of expiry time to elements, for dumps ({@code dump}, {@code cons}). */
    public Map<Long, Set<E>> expiryMap() {
        Map<Long, Set<E>> copy = new TreeMap<>();
        elementsByExpiry.forEach((timeMs, elements) -> copy.put(timeMs, Set.copyOf(elements)));
        return copy;
    }

    /** The number of queued elements. */
    public int size() {
        return expiryByElement.size();
    }

    private void removeFromBucket(long expiryMs, E element) {
        Set<E> bucket = elementsByExpiry.get(expiryMs);
        if (bucket != null) {
            bucket.remove(element);
            if (bucket.isEmpty()) {
                elementsByExpiry.remove(expiryMs);
            }
        }
    }
}
