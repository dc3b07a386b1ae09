package dev.menagerie.quorum.impl.zab;

/**
 * How much on-disk log the leader may read to sync a learner before a snapshot is cheaper: the latest snapshot's
 * size times {@code zookeeper.snapshotSizeFactor} (default 0.33). A negative factor turns on-disk sync off; a
 * factor above 1 falls back to the default; a limit of 0 (no snapshot yet) means unlimited, as in Apache.
 */
record TxnLogSizeLimit(long bytes) {

    static final double DEFAULT_SNAPSHOT_SIZE_FACTOR = 0.33;
    static final TxnLogSizeLimit DISABLED = new TxnLogSizeLimit(-1L);
    static final TxnLogSizeLimit UNLIMITED = new TxnLogSizeLimit(0L);

    static TxnLogSizeLimit of(long snapshotSizeBytes, double snapshotSizeFactor) {
        if (snapshotSizeFactor < 0) {
            return DISABLED;
        }
        double factor = snapshotSizeFactor > 1 ? DEFAULT_SNAPSHOT_SIZE_FACTOR : snapshotSizeFactor;
        return new TxnLogSizeLimit((long) (snapshotSizeBytes * factor));
    }

    boolean enabled() {
        return bytes >= 0;
    }

    boolean allows(long logBytes) {
        return enabled() && (bytes == 0 || logBytes <= bytes);
    }
}
