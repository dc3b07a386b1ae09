package dev.menagerie.quorum.impl.zab;

import java.util.List;

/** An on-disk log of the given zxids, each taking {@code bytesPerTxn} bytes. */
record FakeDiskLog(List<Long> zxids, long bytesPerTxn) implements TxnLogSource {

    @Override
    public List<Long> zxidsFrom(long startZxid) {
        int start = zxids.indexOf(startZxid);
        return start < 0 ? List.of() : zxids.subList(start, zxids.size());
    }

    @Override
    public long storageSizeBytesFrom(long startZxid) {
        return zxidsFrom(startZxid).size() * bytesPerTxn;
    }
}
