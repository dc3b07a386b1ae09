package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import java.util.ArrayList;
import java.util.List;
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

    /** Apache's default {@code preAllocSize}, 64 MiB. */
    private static final long APACHE_PREALLOC_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryStorageFactory.class);

    @Override
    public Storage open(StorageSettings settings) {
        MemoryStorage storage = new MemoryStorage(settings.snapRetainCount());
        LOG.warn("storage=memory: the transaction log, snapshots and epochs are kept in memory only and are not"
                + " durable; a restart loses all data (keeping the {} newest snapshots and the log after the"
                + " oldest of them)", storage.retainedSnapshots());
        List<String> ignored = ignoredSettings(settings);
        if (!ignored.isEmpty()) {
            LOG.warn("storage=memory ignores {}: it writes no files and syncs nothing", String.join(", ", ignored));
        }
        return storage;
    }

    /** The file engine's settings that were changed from Apache's defaults, which mean nothing in memory. */
    static List<String> ignoredSettings(StorageSettings settings) {
        List<String> ignored = new ArrayList<>();
        if (!settings.forceSync()) {
            ignored.add("forceSync=no");
        }
        if (settings.preAllocSizeBytes() != APACHE_PREALLOC_BYTES) {
            ignored.add("preAllocSize=" + settings.preAllocSizeBytes() / 1024);
        }
        if (settings.fsyncWarningThresholdMs() != StorageSettings.DEFAULT_FSYNC_WARNING_THRESHOLD_MS) {
            ignored.add("fsync.warningthresholdms=" + settings.fsyncWarningThresholdMs());
        }
        if (!settings.snapshotCompression().equals(StorageSettings.UNCOMPRESSED)) {
            ignored.add("snapshot.compression.method=" + settings.snapshotCompression());
        }
        if (settings.purgeIntervalHours() > 0) {
            ignored.add("autopurge.purgeInterval=" + settings.purgeIntervalHours()
                    + " (it purges at every snapshot instead)");
        }
        return ignored;
    }
}
