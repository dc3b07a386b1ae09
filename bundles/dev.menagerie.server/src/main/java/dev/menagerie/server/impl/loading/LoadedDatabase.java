package dev.menagerie.server.impl.loading;

import dev.menagerie.server.impl.tree.DataTree;
import java.util.Map;

/**
 * The tree and the open sessions as the data directory holds them, and what loading them took.
 *
 * @param snapshotLoadMs reading the newest snapshot (0 when there is none)
 * @param emptyDataDir neither a snapshot nor a logged transaction was found: nothing was replayed
 * @param txnsReplayed transactions of the log applied after the snapshot
 * @param replayMs applying them
 * @param snapshotZxid the zxid of the snapshot loaded, 0 when there was none
 */
public record LoadedDatabase(DataTree tree, Map<Long, Integer> sessionTimeouts, long snapshotLoadMs,
        boolean emptyDataDir, long txnsReplayed, long replayMs, long snapshotZxid) {
}
