package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.data.ACL;

import java.util.List;

/**
 * Decides whether a fired watch is actually sent. Apache 3.9 sends a node event only to connections that could read
 * the node (the node's ACL for created/deleted/data-changed, the parent's ACL for children-changed); the watch is
 * consumed either way.
 */
@FunctionalInterface
public interface WatchDeliveryFilter {
    /** Sends every event. */
    WatchDeliveryFilter DELIVER_ALL = (watcher, path, nodeAcl) -> true;

    /**
     * @param nodeAcl the ACL the event is checked against; null or empty means unrestricted
     */
    boolean mayDeliver(Watcher watcher, String path, List<ACL> nodeAcl);
}
