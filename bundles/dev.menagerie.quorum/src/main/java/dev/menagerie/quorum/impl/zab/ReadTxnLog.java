package dev.menagerie.quorum.impl.zab;

import java.util.ArrayList;
import java.util.List;

/** A stretch of the on-disk log already read (off the role's thread), as the sync planner asks for it. */
final class ReadTxnLog implements TxnLogSource {

    private final List<LoggedTxn> entries;

    ReadTxnLog(List<LoggedTxn> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<Long> zxidsFrom(long startZxid) {
        List<Long> zxids = new ArrayList<>();
        for (LoggedTxn entry : entries) {
            if (entry.zxid() >= startZxid) {
                zxids.add(entry.zxid());
            }
        }
        return zxids.isEmpty() || zxids.get(0) != startZxid ? List.of() : zxids;
    }

    /** The read already kept within the budget. */
    @Override
    public long storageSizeBytesFrom(long startZxid) {
        long bytes = 0;
        for (LoggedTxn entry : entries) {
            if (entry.zxid() >= startZxid) {
                bytes += entry.txn().length;
            }
        }
        return bytes;
    }
}
