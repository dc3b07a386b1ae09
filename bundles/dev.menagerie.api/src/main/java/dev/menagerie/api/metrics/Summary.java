package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** Values recorded one by one, such as latencies in milliseconds or sizes in bytes. Safe from any thread. */
@ProviderType
public interface Summary {

    void record(long value);
}
