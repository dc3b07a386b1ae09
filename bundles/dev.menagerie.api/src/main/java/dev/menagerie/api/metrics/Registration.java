package dev.menagerie.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/** A registered gauge; closing it withdraws the gauge. Closing twice does nothing. */
@ProviderType
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
