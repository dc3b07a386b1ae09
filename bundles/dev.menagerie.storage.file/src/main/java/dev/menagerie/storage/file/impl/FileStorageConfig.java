package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.StorageSettings;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validated settings of one storage. */
record FileStorageConfig(Path dataDir, Path dataLogDir, LogWriter.LogSettings logSettings, int snapRetainCount,
        int purgeIntervalHours, SnapshotCompression snapshotCompression) {

    private static final Logger LOG = LoggerFactory.getLogger(FileStorageConfig.class);

    static FileStorageConfig from(StorageSettings settings) {
        if (settings.dataDir() == null) {
            throw new IllegalArgumentException("the file storage needs a dataDir");
        }
        Path dataLogDir = settings.dataLogDir() != null ? settings.dataLogDir() : settings.dataDir();
        int retain = settings.snapRetainCount();
        if (retain < Purger.MIN_RETAIN_COUNT) {
            LOG.warn("snapRetainCount {} is below the minimum; keeping {} snapshots", retain,
                    Purger.MIN_RETAIN_COUNT);
            retain = Purger.MIN_RETAIN_COUNT;
        }
        LogWriter.LogSettings log = new LogWriter.LogSettings(settings.preAllocSizeBytes(), settings.forceSync(),
                settings.fsyncWarningThresholdMs());
        return new FileStorageConfig(settings.dataDir(), dataLogDir, log, retain,
                Math.max(0, settings.purgeIntervalHours()), SnapshotCompression.of(settings.snapshotCompression()));
    }
}
