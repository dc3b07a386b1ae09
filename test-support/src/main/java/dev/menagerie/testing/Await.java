package dev.menagerie.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for what happens on other threads or in other processes. Every wait polls, ends at its timeout with
 * an {@link AssertionError} saying what was awaited, and works under any test framework.
 */
public final class Await {

    /** Long enough for a loaded 2-core CI machine, short enough that a broken build fails quickly. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final long POLL_INTERVAL_MS = 20;

    private Await() {
    }

    /** A probe that may throw, for waits on I/O (a client call, a four-letter word). */
    @FunctionalInterface
    public interface Probe<T> {
        /** The awaited value, or null while it has not come yet. */
        T get() throws Exception;
    }

    /** Polls {@code probe} until it returns a non-null value, and returns it. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        return until(() -> what, timeout, probe);
    }

    /** As {@link #until(String, Duration, Supplier)}; {@code what} is asked only on timeout, for a current detail. */
    public static <T> T until(Supplier<String> what, Duration timeout, Supplier<T> probe) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            pause();
        }
    }

    /**
     * Polls {@code probe} until it returns a non-null value; an exception counts as "not yet" and the last one is
     * reported with the timeout.
     */
    public static <T> T untilNoException(String what, Duration timeout, Probe<T> probe) {
        Exception[] last = new Exception[1];
        return until(() -> what + (last[0] == null ? "" : " (last failure: " + last[0] + ")"), timeout, () -> {
            try {
                T value = probe.get();
                last[0] = null;
                return value;
            } catch (Exception e) {
                last[0] = e;
                return null;
            }
        });
    }

    public static void untilTrue(String what, Duration timeout, BooleanSupplier condition) {
        untilTrue(() -> what, timeout, condition);
    }

    public static void untilTrue(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Asserts that {@code happened} stays false for the whole window: for changes that must not occur. */
    public static void nothingWithin(String what, Duration window, BooleanSupplier happened) {
        long deadlineNs = System.nanoTime() + window.toNanos();
        while (System.nanoTime() - deadlineNs < 0) {
            if (happened.getAsBoolean()) {
                throw new AssertionError("Expected no change within " + window.toMillis() + " ms, but " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
