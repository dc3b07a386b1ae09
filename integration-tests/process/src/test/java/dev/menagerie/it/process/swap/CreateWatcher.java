package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.Clients;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/**
 * One client on one server watching a parent the way applications do: a persistent recursive watch that records
 * every created path, and a one-time child watch set again after each event, whose last read of the children
 * shows whether a change went unnotified (a watch set before a connection dropped must survive on the server;
 * only a read lost with the connection is repeated). Counts its connection drops.
 */
final class CreateWatcher implements AutoCloseable {

    private static final int SESSION_TIMEOUT_MS = 30_000;

    private final String parent;
    private final ZooKeeper client;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicInteger disconnects = new AtomicInteger();
    private volatile int lastChildCount = -1;
    private volatile String failure;
    private volatile boolean rearmOnReconnect;

    CreateWatcher(String connectString, String parent, Duration timeout)
            throws IOException, InterruptedException, KeeperException {
        this.parent = parent;
        this.client = Clients.connect(connectString, SESSION_TIMEOUT_MS, timeout);
        client.register(event -> {
            if (event.getState() == KeeperState.Disconnected) {
                disconnects.incrementAndGet();
            } else if (event.getState() == KeeperState.SyncConnected && rearmOnReconnect) {
                rearmOnReconnect = false;
                readChildren();
            }
        });
        client.addWatch(parent, this::recursiveEvent, AddWatchMode.PERSISTENT_RECURSIVE);
        readChildren();
    }

    private void recursiveEvent(WatchedEvent event) {
        if (event.getType() == EventType.NodeCreated) {
            created.add(event.getPath());
        }
    }

    private void readChildren() {
        client.getChildren(parent, this::childEvent, (rc, path, ctx, children) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                lastChildCount = children.size();
            } else if (rc == KeeperException.Code.CONNECTIONLOSS.intValue()) {
                // The read, and so the watch, never reached the server: set it again once connected. A watch
                // that was set stays with the session; the client sets it again on the new connection itself.
                rearmOnReconnect = true;
            } else {
                failure = "getChildren(" + parent + ") answered " + KeeperException.Code.get(rc);
            }
        }, null);
    }

    private void childEvent(WatchedEvent event) {
        if (event.getType() == EventType.NodeChildrenChanged) {
            readChildren();
        }
    }

    /** The paths the persistent recursive watch reported created. */
    Set<String> created() {
        return Set.copyOf(created);
    }

    /** The children count the child watch led to last; -1 before the first answer. */
    int lastChildCount() {
        return lastChildCount;
    }

    int disconnects() {
        return disconnects.get();
    }

    /** Why a read failed other than by a lost connection, or null. */
    String failure() {
        return failure;
    }

    /** Paths in {@code expected} that the persistent recursive watch did not report. */
    List<String> missing(Set<String> expected) {
        return expected.stream().filter(path -> !created.contains(path)).sorted().toList();
    }

    @Override
    public void close() throws InterruptedException {
        Clients.closeQuietly(client);
    }
}
