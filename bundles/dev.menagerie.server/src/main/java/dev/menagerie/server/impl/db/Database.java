package dev.menagerie.server.impl.db;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.watch.WatchRouter;

/**
 * One server's database as the stages, the loader and the replica see it: the data tree (which carries the
 * digest), the sessions it was loaded with, the watch table and the storage behind them. Loading or installing a
 * snapshot makes a new value with a new tree and new sessions; the watches and the storage outlive it.
 */
public record Database(DataTree tree, SessionTracker sessions, WatchRouter watches, Storage storage) {

    /** The zxid of the last transaction applied to the tree. */
    public long lastProcessedZxid() {
        return tree.lastProcessedZxid();
    }

    /** The same watches and storage over another tree and sessions (a reload, or a leader's snapshot). */
    public Database with(DataTree newTree, SessionTracker newSessions) {
        return new Database(newTree, newSessions, watches, storage);
    }
}
