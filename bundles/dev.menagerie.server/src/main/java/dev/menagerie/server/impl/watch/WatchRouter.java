package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.KeeperState;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.proto.WatcherEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that knows which watches a request registers and which events a change fires, as Apache ZooKeeper
 * 3.9's {@code DataTree} wires its two watch managers.
 *
 * <p>Registration (the request pipeline calls these after the read succeeded):
 * <ul>
 * <li>getData with watch: a data watch, only if the node exists and READ was granted;</li>
 * <li>exists with watch: a data watch whether or not the node exists (on a missing node it is the "exist watch"
 *     that NodeCreated fires), but not if the node exists and READ was refused;</li>
 * <li>getChildren / getChildren2 with watch: a child watch, only if the node exists and READ was granted;</li>
 * <li>addWatch PERSISTENT: a persistent watch in both managers; PERSISTENT_RECURSIVE: in the data manager only,
 *     so recursive watches never see NodeChildrenChanged.</li>
 * </ul>
 * Events (the pipeline calls these after applying a transaction):
 * <ul>
 * <li>create: NodeCreated to data watches of the node (and recursive ones above it), then NodeChildrenChanged to
 *     child watches of the parent;</li>
 * <li>delete: NodeDeleted to data watches, then NodeDeleted to child watches of the node except connections that
 *     just got one, then NodeChildrenChanged to child watches of the parent;</li>
 * <li>setData: NodeDataChanged to data watches.</li>
 * </ul>
 * setACL fires nothing. A connection gets at most one event per manager per trigger.
 */
public final class WatchRouter {
    private final WatchManager dataWatches = new WatchManager();
    private final WatchManager childWatches = new WatchManager();
    private final WatchDeliveryFilter deliveryFilter;
    private final FiredWatches firedWatches;

    /** A router that delivers every fired event (ACL filtering off). */
    public WatchRouter() {
        this(WatchDeliveryFilter.DELIVER_ALL);
    }

    /** A router whose deliveries pass {@code deliveryFilter} (Apache 3.9 uses a READ check). */
    public WatchRouter(WatchDeliveryFilter deliveryFilter) {
        this(deliveryFilter, (type, watches) -> { });
    }

    /** Also tells {@code firedWatches} how many watches each event fires in each watch table. */
    public WatchRouter(WatchDeliveryFilter deliveryFilter, FiredWatches firedWatches) {
        this.deliveryFilter = deliveryFilter;
        this.firedWatches = firedWatches;
    }

    /** Hears how many watches an event fired in one watch table (data or child), before the delivery filter. */
    @FunctionalInterface
    public interface FiredWatches {
        void fired(EventType type, int watches);
    }

    /** After getData, or exists on an existing or missing node, with watch=true. */
    public void watchData(String path, Watcher watcher) {
        dataWatches.addWatch(path, watcher, WatcherMode.STANDARD);
    }

    /** After getChildren or getChildren2 with watch=true. */
    public void watchChildren(String path, Watcher watcher) {
        childWatches.addWatch(path, watcher, WatcherMode.STANDARD);
    }

    /** The addWatch request (opcode 106). */
    public void addWatch(String path, Watcher watcher, AddWatchMode mode) {
        WatcherMode watcherMode = WatcherMode.of(mode);
        dataWatches.addWatch(path, watcher, watcherMode);
        if (!watcherMode.isRecursive()) {
            childWatches.addWatch(path, watcher, watcherMode);
        }
    }

    /** A node was created; returns the connections that were sent an event. */
    public Set<Watcher> nodeCreated(String path, long zxid, List<ACL> nodeAcl, List<ACL> parentAcl) {
        Set<Watcher> notified = deliver(dataWatches.trigger(path), EventType.NODE_CREATED, path, zxid, nodeAcl, Set.of());
        notified.addAll(childrenChanged(path, zxid, parentAcl));
        return notified;
    }

    /** A node was deleted (also an ephemeral of a closed session, or a container); returns who was notified. */
    public Set<Watcher> nodeDeleted(String path, long zxid, List<ACL> nodeAcl, List<ACL> parentAcl) {
        Set<Watcher> dataFired = dataWatches.trigger(path);
        Set<Watcher> notified = deliver(dataFired, EventType.NODE_DELETED, path, zxid, nodeAcl, Set.of());
        notified.addAll(deliver(childWatches.trigger(path), EventType.NODE_DELETED, path, zxid, nodeAcl, dataFired));
        notified.addAll(childrenChanged(path, zxid, parentAcl));
        return notified;
    }

    /** A node's data was set; returns who was notified. */
    public Set<Watcher> nodeDataChanged(String path, long zxid, List<ACL> nodeAcl) {
        return deliver(dataWatches.trigger(path), EventType.NODE_DATA_CHANGED, path, zxid, nodeAcl, Set.of());
    }

    /**
     * One event as the data tree reports it after applying a transaction (a create reports NodeCreated on the
     * node, then NodeChildrenChanged on the parent): the same deliveries as {@link #nodeCreated},
     * {@link #nodeDeleted} and {@link #nodeDataChanged} make, one trigger at a time.
     */
    public Set<Watcher> fire(String path, EventType type, long zxid, List<ACL> acl) {
        return switch (type) {
            case NODE_CREATED, NODE_DATA_CHANGED -> deliver(dataWatches.trigger(path), type, path, zxid, acl, Set.of());
            case NODE_DELETED -> {
                Set<Watcher> dataFired = dataWatches.trigger(path);
                Set<Watcher> notified = deliver(dataFired, type, path, zxid, acl, Set.of());
                notified.addAll(deliver(childWatches.trigger(path), type, path, zxid, acl, dataFired));
                yield notified;
            }
            case NODE_CHILDREN_CHANGED -> deliver(childWatches.trigger(path), type, path, zxid, acl, Set.of());
            default -> Set.of();
        };
    }

    private Set<Watcher> childrenChanged(String path, long zxid, List<ACL> parentAcl) {
        String parent = PathParents.parentOf(path);
        String parentPath = parent.isEmpty() ? "/" : parent;
        return deliver(childWatches.trigger(parentPath), EventType.NODE_CHILDREN_CHANGED, parentPath, zxid, parentAcl,
                Set.of());
    }

    /** Whether an event about a node with {@code acl} may go to {@code watcher}: the delivery filter's answer. */
    boolean mayDeliver(Watcher watcher, String path, List<ACL> acl) {
        return deliveryFilter.mayDeliver(watcher, path, acl);
    }

    private Set<Watcher> deliver(Set<Watcher> fired, EventType type, String path, long zxid, List<ACL> acl,
            Set<Watcher> suppressed) {
        firedWatches.fired(type, fired.size());
        Set<Watcher> notified = new LinkedHashSet<>();
        WatcherEvent event = event(type, path);
        for (Watcher watcher : fired) {
            if (!suppressed.contains(watcher) && deliveryFilter.mayDeliver(watcher, path, acl)) {
                watcher.process(event, zxid);
                notified.add(watcher);
            }
        }
        return notified;
    }

    static WatcherEvent event(EventType type, String path) {
        return new WatcherEvent(type.intValue(), KeeperState.SYNC_CONNECTED.intValue(), path);
    }

    /** checkWatches (opcode 17): true if the connection has a watch of this type; false means NOWATCHER. */
    public boolean containsWatch(String path, WatcherType type, Watcher watcher) {
        return switch (type) {
            case CHILDREN -> childWatches.containsWatcher(path, watcher, WatcherMode.STANDARD);
            case DATA -> dataWatches.containsWatcher(path, watcher, WatcherMode.STANDARD);
            case PERSISTENT -> dataWatches.containsWatcher(path, watcher, WatcherMode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> dataWatches.containsWatcher(path, watcher, WatcherMode.PERSISTENT_RECURSIVE);
            case ANY -> childWatches.containsWatcher(path, watcher, null)
                    || dataWatches.containsWatcher(path, watcher, null);
        };
    }

    /** removeWatches (opcode 18): true if something was removed; false means NOWATCHER. */
    public boolean removeWatch(String path, WatcherType type, Watcher watcher) {
        return switch (type) {
            case CHILDREN -> childWatches.removeWatcher(path, watcher, WatcherMode.STANDARD);
            case DATA -> dataWatches.removeWatcher(path, watcher, WatcherMode.STANDARD);
            case PERSISTENT -> childWatches.removeWatcher(path, watcher, WatcherMode.PERSISTENT)
                    | dataWatches.removeWatcher(path, watcher, WatcherMode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> dataWatches.removeWatcher(path, watcher, WatcherMode.PERSISTENT_RECURSIVE);
            case ANY -> childWatches.removeWatcher(path, watcher, null)
                    | dataWatches.removeWatcher(path, watcher, null);
        };
    }

    /** The connection closed: drop all its watches. Returns how many of the two watch tables it had any in. */
    public int removeWatcher(Watcher watcher) {
        return (dataWatches.removeWatcher(watcher) ? 1 : 0) + (childWatches.removeWatcher(watcher) ? 1 : 0);
    }

    /** Data plus child watch pairs ({@code zk_watch_count} of mntr, {@code Watch count} of stat). */
    public int watchCount() {
        return dataWatches.size() + childWatches.size();
    }

    /** The data watches; Apache's wchs, wchc, wchp and admin watch reports show only these. */
    public WatchManager dataWatches() {
        return dataWatches;
    }

    /** The child watches. */
    public WatchManager childWatches() {
        return childWatches;
    }
}
