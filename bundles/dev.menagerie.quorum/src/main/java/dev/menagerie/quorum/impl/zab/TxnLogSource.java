package dev.menagerie.quorum.impl.zab;

import java.util.List;

/** What the planner may ask of the leader's on-disk transaction log, read before planning. */
interface TxnLogSource {

    /** A log that cannot serve any range, for leaders without one or when on-disk sync is off. */
    TxnLogSource NONE = new TxnLogSource() {
        @Override
        public List<Long> zxidsFrom(long startZxid) {
            return List.of();
        }

        @Override
        public long storageSizeBytesFrom(long startZxid) {
            return 0L;
        }
    };

    /**
     * The zxids on disk from {@code startZxid} on, in order, beginning with {@code startZxid} itself; empty when
     * that zxid is not on disk, because then no one can tell which transactions the peer lacks.
     */
    List<Long> zxidsFrom(long startZxid);

    /** The bytes of log a reader starting at {@code startZxid} would have to read. */
    long storageSizeBytesFrom(long startZxid);
}
