package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens storages in Apache ZooKeeper's file format; closes any still open when the component goes away. */
@Component(service = StorageFactory.class, property = StorageFactory.TYPE + "=file")
public final class FileStorageFactory implements StorageFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FileStorageFactory.class);

    private final Set<FileStorage> open = ConcurrentHashMap.newKeySet();

    @Override
    public Storage open(StorageSettings settings) throws IOException {
        FileStorageConfig config = FileStorageConfig.from(settings);
        FileStorage storage = FileStorage.open(config, LogChannel.FILES, open::remove);
        open.add(storage);
        return storage;
    }

    @Deactivate
    void deactivate() {
        for (FileStorage storage : open) {
            try {
                storage.close();
            } catch (IOException e) {
                LOG.warn("Closing a storage on deactivation failed: {}", e.toString());
            }
        }
    }
}
