package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.proto.SetWatches;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.proto.WatcherEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * setWatches (101) and setWatches2 (105): a reconnecting client re-registers its watches, as Apache's
 * {@code DataTree.setWatches}. One-shot watches whose condition already happened since {@code relativeZxid} fire at
 * once instead of being registered; persistent ones are registered without any check.
 *
 * <p>Immediate events carry zxid -1. Apache 3.9.5 sends them without the READ check it applies to live events, so a
 * client that may not read a node learns that it changed; here they pass the same delivery filter as live events,
 * checked against the node's ACL (a deleted node has none left, and its event goes out as in Apache).
 */
public final class ReconnectWatches {
    /** The zxid Apache puts on events it synthesizes here. */
    public static final long NO_ZXID = -1L;

    private final WatchRouter router;

    public ReconnectWatches(WatchRouter router) {
        this.router = router;
    }

    /** Handles setWatches; returns the events sent at once, in order. */
    public List<WatcherEvent> apply(SetWatches request, Watcher watcher, NodeStatLookup tree,
            Function<String, List<ACL>> acls) {
        return apply(withoutPersistentWatches(request), watcher, tree, acls);
    }

    /** setWatches as setWatches2: the same one-shot watches and no persistent ones. */
    public static SetWatches2 withoutPersistentWatches(SetWatches request) {
        return new SetWatches2(request.relativeZxid(), request.dataWatches(), request.existWatches(),
                request.childWatches(), List.of(), List.of());
    }

    /** Handles setWatches2; returns the events sent at once, in order. */
    public List<WatcherEvent> apply(SetWatches2 request, Watcher watcher, NodeStatLookup tree,
            Function<String, List<ACL>> acls) {
        long relativeZxid = request.relativeZxid();
        List<WatcherEvent> fired = new ArrayList<>();
        for (String path : orEmpty(request.dataWatches())) {
            Stat stat = tree.stat(path);
            if (stat == null) {
                fired.add(WatchRouter.event(EventType.NODE_DELETED, path));
            } else if (stat.mzxid() > relativeZxid) {
                fired.add(WatchRouter.event(EventType.NODE_DATA_CHANGED, path));
            } else {
                router.watchData(path, watcher);
            }
        }
        for (String path : orEmpty(request.existWatches())) {
            if (tree.stat(path) != null) {
                fired.add(WatchRouter.event(EventType.NODE_CREATED, path));
            } else {
                router.watchData(path, watcher);
            }
        }
        for (String path : orEmpty(request.childWatches())) {
            Stat stat = tree.stat(path);
            if (stat == null) {
                fired.add(WatchRouter.event(EventType.NODE_DELETED, path));
            } else if (stat.pzxid() > relativeZxid) {
                fired.add(WatchRouter.event(EventType.NODE_CHILDREN_CHANGED, path));
            } else {
                router.watchChildren(path, watcher);
            }
        }
        for (String path : orEmpty(request.persistentWatches())) {
            router.addWatch(path, watcher, AddWatchMode.PERSISTENT);
        }
        for (String path : orEmpty(request.persistentRecursiveWatches())) {
            router.addWatch(path, watcher, AddWatchMode.PERSISTENT_RECURSIVE);
        }
        List<WatcherEvent> sent = fired.stream().filter(event -> event.type() == EventType.NODE_DELETED.intValue()
                || router.mayDeliver(watcher, event.path(), acls.apply(event.path()))).toList();
        sent.forEach(event -> watcher.process(event, NO_ZXID));
        return sent;
    }

    private static List<String> orEmpty(List<String> paths) {
        return paths == null ? List.of() : paths;
    }
}
