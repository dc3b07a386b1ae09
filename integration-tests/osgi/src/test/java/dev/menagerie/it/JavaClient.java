package dev.menagerie.it;

import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/**
 * The official ZooKeeper Java client connected to the server under test, recording every connection state its
 * default watcher sees, so tests can await "disconnected, then connected again" and rule out "expired".
 */
final class JavaClient implements AutoCloseable {

    /** Well above the 2-tick minimum; a hand-over must fit into it without the session expiring. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    private final ZooKeeper zooKeeper;
    private final List<KeeperState> states = new CopyOnWriteArrayList<>();

    private JavaClient(String connectString) throws IOException {
        Watcher recordStates = event -> {
            if (event.getType() == Watcher.Event.EventType.None) {
                states.add(event.getState());
            }
        };
        zooKeeper = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, recordStates);
    }

    /** Connects to 127.0.0.1:{@code port} and waits until the session is established. */
    static JavaClient connect(int port) throws IOException {
        JavaClient client = new JavaClient("127.0.0.1:" + port);
        try {
            client.awaitStateSince(0, KeeperState.SyncConnected, Await.DEFAULT_TIMEOUT);
        } catch (AssertionError e) {
            client.close();
            throw e;
        }
        return client;
    }

    ZooKeeper zk() {
        return zooKeeper;
    }

    long sessionId() {
        return zooKeeper.getSessionId();
    }

    /** A position in the state history, to await states that come after it. */
    int mark() {
        return states.size();
    }

    /** Waits until {@code state} is seen at or after {@code mark}; returns its position. */
    int awaitStateSince(int mark, KeeperState state, Duration timeout) {
        return Await.until(() -> state + " after position " + mark + " in " + states, timeout, () -> {
            List<KeeperState> seen = states;
            for (int i = mark; i < seen.size(); i++) {
                if (seen.get(i) == state) {
                    return i;
                }
            }
            return null;
        });
    }

    /** Waits for the connection to drop and come back, which is what a client sees of a transport hand-over. */
    void awaitReconnectSince(int mark, Duration timeout) {
        int disconnected = awaitStateSince(mark, KeeperState.Disconnected, timeout);
        awaitStateSince(disconnected + 1, KeeperState.SyncConnected, timeout);
    }

    void assertNeverExpired() {
        assertFalse("the session expired; states seen: " + states, states.contains(KeeperState.Expired));
    }

    List<KeeperState> states() {
        return List.copyOf(states);
    }

    @Override
    public void close() {
        try {
            zooKeeper.close(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
