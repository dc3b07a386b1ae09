package dev.menagerie.server.impl.tree;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The history of tree digests that Apache ZooKeeper's DataTree keeps for the admin command {@code hash}: the digest
 * after every transaction whose zxid is a multiple of {@link #INTERVAL_ZXIDS}, the newest {@link #LIMIT} of them.
 */
final class DigestLog {

    static final int INTERVAL_ZXIDS = 128;
    static final int LIMIT = 1024;

    private final ArrayDeque<ZxidDigest> entries = new ArrayDeque<>();

    /** Keeps {@code digest} when its zxid is due; drops the oldest entry beyond the limit. */
    synchronized void offer(ZxidDigest digest) {
        if (digest.zxid() % INTERVAL_ZXIDS != 0) {
            return;
        }
        entries.addLast(digest);
        if (entries.size() > LIMIT) {
            entries.removeFirst();
        }
    }

    synchronized List<ZxidDigest> entries() {
        return List.copyOf(entries);
    }
}
