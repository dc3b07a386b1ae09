package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens storages that keep everything in memory ({@code storage=memory}). Every open starts empty: nothing is
 * shared between storages or kept after one is closed, so a restarted server starts as a fresh one.
 */
@Component(service = StorageFactory.class, property = StorageFactory.TYPE + "=" + MemoryStorageFactory.TYPE)
public final class MemoryStorageFactory implements StorageFactory {

    static final String TYPE = "memory";

    private static final Logger LOG = LoggerFactory.getLogger(MemoryStorageFactory.class);

    @Override
    public Storage open(StorageSettings settings) {
        MemoryStorage storage = new MemoryStorage(settings.snapRetainCount());
        LOG.warn("storage=memory: the transaction log, snapshots and epochs are kept in memory only and are not"
                + " durable; a restart loses all data (keeping the {} newest snapshots and the log after the"
                + " oldest of them)", storage.retainedSnapshots());
        return storage;
    }
}
