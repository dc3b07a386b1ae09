package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.data.ACL;
import java.util.List;

/**
 * A watch event a change causes, for the pipeline to deliver (the tree holds no watches).
 *
 * <p>For {@link EventType#NODE_DELETED} Apache fires both the data and the child watches of the path (a child
 * watcher that also held a data watch gets one event). The parent of the root's children is "/".
 *
 * @param path the watched path the event is for
 * @param type NODE_CREATED, NODE_DELETED, NODE_DATA_CHANGED or NODE_CHILDREN_CHANGED
 * @param acl the ACL of the node the event is about, as it was when the change happened (Apache hands it to
 *     watchers so that recursive watches can be filtered by READ permission)
 */
public record WatchTrigger(String path, EventType type, List<ACL> acl) {
}
