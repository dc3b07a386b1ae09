package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.storage.StorageFactory;

/** The memory strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class MemoryStorageProvider extends BasicStrategyProvider<StorageFactory> {

    public MemoryStorageProvider() {
        super(StorageFactory.class, MemoryStorageFactory.TYPE, services -> new MemoryStorageFactory());
    }
}
