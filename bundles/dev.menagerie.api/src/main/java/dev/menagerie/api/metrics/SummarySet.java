package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** Summaries kept per key. Safe from any thread; a key appears when first recorded. */
@ProviderType
public interface SummarySet {

    void record(String key, long value);
}
