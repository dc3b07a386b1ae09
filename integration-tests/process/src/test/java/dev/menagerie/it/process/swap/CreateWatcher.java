package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.Clients;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/**
 * One client on one server watching the way applications do: a persistent recursive watch on a parent that records
 * every created path, a one-time child watch on it set again after each event, and (optionally) a one-time data
 * watch on a node that a {@link DataTicker} keeps changing, set again after each event. The last reads after child
 * and data events show whether a change went unnotified (a watch set before a connection dropped must survive on
 * the server; only a read lost with the connection is repeated). Counts its connection drops and remembers, per
 * drop, which creates it may have missed while disconnected: ZooKeeper re-adds a persistent recursive watch on
 * reconnect but does not replay what happened meanwhile.
 */
final class CreateWatcher implements AutoCloseable {

    private static final int SESSION_TIMEOUT_MS = 30_000;

    /** Creates between two sequence numbers (exclusive) that happened while this client was not connected. */
    private record Gap(long after, long before) {
    }

    private final String parent;
    private final String dataPath;
    private final ZooKeeper client;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private volatile int lastChildCount = -1;
    private volatile int lastDataVersion = -1;
    private volatile String failure;
    private volatile boolean rearmChildrenOnReconnect;
    private volatile boolean rearmDataOnReconnect;
    /** The highest sequence number reported so far (-1 before any). */
    private volatile long highestSequence = -1;
    /** Whether the connection dropped since the last report, and the highest sequence number reported then. */
    private volatile boolean dropPending;
    private volatile long droppedAfter = -1;

    /** Watches {@code parent} only. */
    CreateWatcher(String connectString, String parent, Duration timeout)
            throws IOException, InterruptedException, KeeperException {
        this(connectString, parent, null, timeout);
    }

    /** Watches {@code parent}, and the data of {@code dataPath} unless it is null. */
    CreateWatcher(String connectString, String parent, String dataPath, Duration timeout)
            throws IOException, InterruptedException, KeeperException {
        this.parent = parent;
        this.dataPath = dataPath;
        this.client = Clients.connect(connectString, SESSION_TIMEOUT_MS, timeout);
        client.register(this::stateEvent);
        client.addWatch(parent, this::recursiveEvent, AddWatchMode.PERSISTENT_RECURSIVE);
        readChildren();
        if (dataPath != null) {
            readData();
        }
    }

    private void stateEvent(WatchedEvent event) {
        if (event.getState() == KeeperState.Disconnected) {
            disconnects.incrementAndGet();
            if (!dropPending) {
                droppedAfter = highestSequence;
                dropPending = true;
            }
        } else if (event.getState() == KeeperState.Expired) {
            failure = "the session expired";
        } else if (event.getState() == KeeperState.SyncConnected) {
            if (rearmChildrenOnReconnect) {
                rearmChildrenOnReconnect = false;
                readChildren();
            }
            if (rearmDataOnReconnect) {
                rearmDataOnReconnect = false;
                readData();
            }
        }
    }

    private void recursiveEvent(WatchedEvent event) {
        if (event.getType() != EventType.NodeCreated || !event.getPath().startsWith(parent + "/")) {
            return;
        }
        created.add(event.getPath());
        long sequence = sequenceOf(event.getPath());
        if (dropPending) {
            gaps.add(new Gap(droppedAfter, sequence));
            dropPending = false;
        }
        highestSequence = Math.max(highestSequence, sequence);
    }

    /** The parent's child sequence number at the end of a sequential node's name (it grows with every create). */
    static long sequenceOf(String path) {
        return Long.parseLong(path.substring(path.length() - 10));
    }

    private void readChildren() {
        client.getChildren(parent, this::childEvent, (rc, path, ctx, children) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                lastChildCount = children.size();
            } else if (rc == KeeperException.Code.CONNECTIONLOSS.intValue()) {
                // The read, and so the watch, never reached the server: set it again once connected. A watch
                // that was set stays with the session; the client sets it again on the new connection itself.
                rearmChildrenOnReconnect = true;
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

    private void readData() {
        client.getData(dataPath, this::dataEvent, (rc, path, ctx, data, stat) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                lastDataVersion = Math.max(lastDataVersion, stat.getVersion());
            } else if (rc == KeeperException.Code.CONNECTIONLOSS.intValue()) {
                rearmDataOnReconnect = true;
            } else {
                failure = "getData(" + dataPath + ") answered " + KeeperException.Code.get(rc);
            }
        }, null);
    }

    private void dataEvent(WatchedEvent event) {
        if (event.getType() == EventType.NodeDataChanged) {
            readData();
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

    /** The highest data version of the ticker node the data watch led to; -1 before the first answer. */
    int lastDataVersion() {
        return lastDataVersion;
    }

    int disconnects() {
        return disconnects.get();
    }

    /** Why a read failed other than by a lost connection, or that the session expired; null if neither. */
    String failure() {
        return failure;
    }

    /** Paths in {@code expected} that the persistent recursive watch did not report. */
    List<String> missing(Set<String> expected) {
        return expected.stream().filter(path -> !created.contains(path)).sorted().toList();
    }

    /**
     * Paths in {@code expected} that the persistent recursive watch did not report although this client was
     * connected when they were created: a create is excused only when its sequence number falls between the last
     * one reported before a dropped connection and the first one reported after it. A drop after the last report
     * excuses everything after it.
     */
    List<String> missedWhileConnected(Set<String> expected) {
        List<Gap> excused = new ArrayList<>(gaps);
        if (dropPending) {
            excused.add(new Gap(droppedAfter, Long.MAX_VALUE));
        }
        return missing(expected).stream().filter(path -> {
            long sequence = sequenceOf(path);
            return excused.stream().noneMatch(gap -> sequence > gap.after() && sequence < gap.before());
        }).toList();
    }

    @Override
    public void close() throws InterruptedException {
        Clients.closeQuietly(client);
    }
}
