package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens storages in Apache ZooKeeper's file format; closes any still open when the component goes away. */
@Component(service = StorageFactory.class, property = StorageFactory.TYPE + "=file",
        configurationPid = FileStorageFactory.PID)
@Designate(ocd = FileStorageFactory.Config.class)
public final class FileStorageFactory implements StorageFactory {

    static final String PID = "dev.menagerie.storage.file";
    private static final Logger LOG = LoggerFactory.getLogger(FileStorageFactory.class);

    @ObjectClassDefinition(name = "Menagerie file storage",
            description = "Transaction logs and snapshots in Apache ZooKeeper's on-disk format.")
    public @interface Config {

        @AttributeDefinition(name = "fsync warning threshold (ms)",
                description = "Log a warning when forcing the transaction log to disk takes longer than this"
                        + " (zoo.cfg fsync.warningthresholdms).")
        long fsync_warningthresholdms() default 1000;
    }

    private final long fsyncWarningThresholdMs;
    private final Set<FileStorage> open = ConcurrentHashMap.newKeySet();

    @Activate
    public FileStorageFactory(Config config) {
        this.fsyncWarningThresholdMs = config.fsync_warningthresholdms();
    }

    @Override
    public Storage open(StorageSettings settings) throws IOException {
        FileStorageConfig config = FileStorageConfig.from(settings, fsyncWarningThresholdMs);
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
