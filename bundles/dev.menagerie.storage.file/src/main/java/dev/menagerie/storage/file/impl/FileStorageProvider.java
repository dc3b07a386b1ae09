package dev.menagerie.storage.file.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.storage.StorageFactory;

/** The file strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class FileStorageProvider extends BasicStrategyProvider<StorageFactory> {

    public FileStorageProvider() {
        super(StorageFactory.class, "file",
                services -> new FileStorageFactory(services.service(MetricsRegistry.class)));
    }
}
