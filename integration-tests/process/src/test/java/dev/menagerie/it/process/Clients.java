package dev.menagerie.it.process;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/** Connecting the official client with bounded waits. */
public final class Clients {

    /** Closing a client whose server is gone must not hang the test. */
    private static final int CLOSE_WAIT_MS = 2_000;

    private Clients() {
    }

    /** A client whose session is established, or an exception after {@code timeout}. */
    public static ZooKeeper connect(String connectString, int sessionTimeoutMs, Duration timeout)
            throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString, sessionTimeoutMs, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        return awaitConnected(client, connected, connectString, timeout);
    }

    /** Resumes an existing session (id and password from another client). */
    public static ZooKeeper resume(String connectString, int sessionTimeoutMs, long sessionId, byte[] password,
            Duration timeout) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString, sessionTimeoutMs, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, sessionId, password);
        return awaitConnected(client, connected, connectString, timeout);
    }

    private static ZooKeeper awaitConnected(ZooKeeper client, CountDownLatch connected, String connectString,
            Duration timeout) throws IOException, InterruptedException {
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            closeQuietly(client);
            throw new IOException("no session with " + connectString + " within " + timeout);
        }
        return client;
    }

    /**
     * Connects to a server that was just started and makes one request; retries the whole thing until
     * {@code timeout}, because a server may accept TCP connections a little before it serves sessions.
     */
    public static ZooKeeper awaitServing(ServerProcess server, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        server.awaitListening(timeout);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(server + " died; output:\n" + server.outputTail());
            }
            try {
                ZooKeeper client = connect(server.connectString(), 30_000, Duration.ofSeconds(10));
                client.exists("/", false);
                return client;
            } catch (IOException e) {
                last = e;
            } catch (KeeperException e) {
                last = new IOException(e);
            }
        }
        throw new IllegalStateException(server + " did not serve within " + timeout + " (" + last + "); output:\n"
                + server.outputTail());
    }

    public static void closeQuietly(ZooKeeper client) throws InterruptedException {
        if (client != null) {
            client.close(CLOSE_WAIT_MS);
        }
    }
}
