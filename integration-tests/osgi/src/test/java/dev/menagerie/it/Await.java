package dev.menagerie.it;

import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Bounded waits for things that happen on other threads (SCR, Configuration Admin, the config file poller).
 * Every wait ends after its timeout with an assertion failure that says what was awaited.
 */
final class Await {

    /** Long enough for a loaded 2-core CI machine, short enough that a broken build fails quickly. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final long POLL_INTERVAL_MS = 20;

    private Await() {
    }

    /** Polls {@code probe} until it returns a non-null value and returns it. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        return until(() -> what, timeout, probe);
    }

    /** Like {@link #until(String, Duration, Supplier)}; {@code what} is asked only on timeout, for a current detail. */
    static <T> T until(Supplier<String> what, Duration timeout, Supplier<T> probe) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadlineNs > 0) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            pause();
        }
    }

    static void untilTrue(String what, Duration timeout, BooleanSupplier condition) {
        untilTrue(() -> what, timeout, condition);
    }

    static void untilTrue(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Asserts that {@code happened} stays false for the whole window: for changes that must not occur. */
    static void nothingWithin(String what, Duration window, BooleanSupplier happened) {
        long deadlineNs = System.nanoTime() + window.toNanos();
        while (System.nanoTime() - deadlineNs < 0) {
            if (happened.getAsBoolean()) {
                fail("Expected no change within " + window.toMillis() + " ms, but " + what);
            }
            pause();
        }
    }

    /** Waits with a service tracker for a service of {@code type} matching the LDAP {@code filter} (may be null). */
    static <S> ServiceReference<S> service(BundleContext context, Class<S> type, String filter, Duration timeout) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, filterFor(type, filter), null);
        tracker.open();
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting for a " + type.getSimpleName()
                        + " service matching " + filter);
            }
            return tracker.getServiceReference();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for " + type.getSimpleName(), e);
        } finally {
            tracker.close();
        }
    }

    /** Waits until no service of {@code type} matches {@code filter}. */
    static void noService(BundleContext context, Class<?> type, String filter, Duration timeout) {
        untilTrue("no " + type.getSimpleName() + " service matching " + filter, timeout,
                () -> references(context, type, filter).length == 0);
    }

    static ServiceReference<?>[] references(BundleContext context, Class<?> type, String filter) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences(type.getName(), filter);
            return found == null ? new ServiceReference<?>[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad filter " + filter, e);
        }
    }

    private static Filter filterFor(Class<?> type, String filter) {
        String objectClass = "(objectClass=" + type.getName() + ")";
        String combined = filter == null ? objectClass : "(&" + objectClass + filter + ")";
        try {
            return FrameworkUtil.createFilter(combined);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad filter " + combined, e);
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
