package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** A count that only goes up. Safe from any thread. */
@ProviderType
public interface Counter {

    default void increment() {
        add(1);
    }

    /** Adds {@code delta}, which must not be negative. */
    void add(long delta);

    long value();
}
