package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.proto.WatcherEvent;

import java.util.List;

/**
 * The receiver of watch notifications: one object per client connection, which the connection layer implements.
 * Identity is object identity (do not override {@code equals}): a reconnect on a new connection is a new watcher even
 * with the same session id, exactly as Apache ZooKeeper keys watches by {@code ServerCnxn}.
 */
public interface Watcher {
    /** The session this connection belongs to; reports group by it. */
    long sessionId();

    /**
     * Sends a notification (xid -1) to the client.
     *
     * @param event the event, with state SYNC_CONNECTED
     * @param zxid  the zxid of the change that fired it, or -1 for events synthesized by setWatches
     */
    void process(WatcherEvent event, long zxid);

    /** The identities the connection authenticated, for the READ check before delivery. */
    default List<Id> authInfo() {
        return List.of();
    }

    /** True once the connection has closed; a closed connection cannot add watches (Apache's dead watcher check). */
    default boolean isStale() {
        return false;
    }
}
