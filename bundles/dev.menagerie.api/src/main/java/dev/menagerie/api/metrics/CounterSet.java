package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** Counts kept per key. Safe from any thread; a key appears when first counted. */
@ProviderType
public interface CounterSet {

    default void increment(String key) {
        add(key, 1);
    }

    /** Adds {@code delta}, which must not be negative, to the count of {@code key}. */
    void add(String key, long delta);
}
