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
 * @param fsyncWarningThresholdMs an fsync slower than this is logged ({@code fsync.warningthresholdms})
 * @param snapshotCompression how new snapshots are compressed: {@link #UNCOMPRESSED}, {@link #GZIP} or
 *                            {@link #SNAPPY} ({@code snapshot.compression.method}); snapshots of every kind are
 *                            read
 * @since 1.1
 */
public record StorageSettings(Path dataDir, Path dataLogDir, long preAllocSizeBytes, boolean forceSync,
        int snapRetainCount, int purgeIntervalHours, long fsyncWarningThresholdMs, String snapshotCompression) {

    /** Apache's default slow-fsync threshold. */
    public static final long DEFAULT_FSYNC_WARNING_THRESHOLD_MS = 1000;
    /** Apache's {@code snapshot.compression.method} values. */
    public static final String UNCOMPRESSED = "";
    public static final String GZIP = "gz";
    /** @since 1.3 */
    public static final String SNAPPY = "snappy";

    public StorageSettings {
        if (!UNCOMPRESSED.equals(snapshotCompression) && !GZIP.equals(snapshotCompression)
                && !SNAPPY.equals(snapshotCompression)) {
            throw new IllegalArgumentException("snapshot compression must be \"\", \"gz\" or \"snappy\": "
                    + snapshotCompression);
        }
    }

    /** Settings with Apache's defaults for the slow-fsync threshold and snapshot compression. */
    public StorageSettings(Path dataDir, Path dataLogDir, long preAllocSizeBytes, boolean forceSync,
            int snapRetainCount, int purgeIntervalHours) {
        this(dataDir, dataLogDir, preAllocSizeBytes, forceSync, snapRetainCount, purgeIntervalHours,
                DEFAULT_FSYNC_WARNING_THRESHOLD_MS, UNCOMPRESSED);
    }
}
