package dev.menagerie.server.impl.tree;

import java.util.Map;

/**
 * A tree read from a snapshot.
 *
 * @param tree the tree; its lastProcessedZxid is the one the snapshot stored, or 0 when the snapshot is older
 *     than 3.9 and has none. Apache overrides it with the zxid in the snapshot's file name
 *     ({@link DataTree#setLastProcessedZxid}); the caller should do the same.
 * @param sessionTimeouts session id to timeout in milliseconds, in the snapshot's order
 * @param digest the digest section, or null when the snapshot has none (written before 3.6 or with digests
 *     disabled)
 */
public record LoadedSnapshot(DataTree tree, Map<Long, Integer> sessionTimeouts, ZxidDigest digest) {
}
