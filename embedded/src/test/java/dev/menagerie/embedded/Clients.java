package dev.menagerie.embedded;

import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.zookeeper.ZooKeeper;

/** Apache's Java client connected to a server under test, and a check that a closed server let its port go. */
final class Clients {

    private Clients() {
    }

    /** A client whose session is established. */
    static ZooKeeper connected(String connectString) throws IOException {
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> { });
        Await.untilTrue(() -> "a session with " + connectString + ", state " + zk.getState(), Duration.ofSeconds(15),
                () -> zk.getState().isConnected());
        return zk;
    }

    /** Whether this process can bind {@code port} on the loopback address now. */
    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

}
