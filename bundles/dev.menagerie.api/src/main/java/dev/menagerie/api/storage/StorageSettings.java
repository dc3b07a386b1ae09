package dev.menagerie.api.storage;

import java.nio.file.Path;

/**
 * Where and how a storage keeps its files.
 *
 * @param dataDir snapshots, {@code myid}, {@code currentEpoch} and {@code acceptedEpoch} live here
 * @param dataLogDir transaction logs live here (often the same as {@code dataDir})
 * @param preAllocSizeBytes log files grow in steps of this size
 * @param forceSync fsync each group of appends before acknowledging them
 * @param snapRetainCount autopurge keeps this many newest snapshots (at least 3)
 * @param purgeIntervalHours hours between purges; 0 turns autopurge off
 */
public record StorageSettings(Path dataDir, Path dataLogDir, long preAllocSizeBytes, boolean forceSync,
        int snapRetainCount, int purgeIntervalHours) {
}
