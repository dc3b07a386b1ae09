package dev.menagerie.embedded;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: each test gets a new, empty server, so both may create the same node. */
class MenageriePerMethodTest {

    @RegisterExtension
    final MenagerieExtension menagerie = new MenagerieExtension();

    @Test
    void oneTestCreatesTheNode() throws Exception {
        createTheNodeOnAnEmptyServer(menagerie.connectString());
    }

    @Test
    void anotherTestCreatesItAgain(EmbeddedServer server) throws Exception {
        createTheNodeOnAnEmptyServer(server.connectString());
    }

    private static void createTheNodeOnAnEmptyServer(String connectString) throws Exception {
        try (ZooKeeper zk = Clients.connected(connectString)) {
            assertNull(zk.exists("/per-method", false), "the server still holds another test's node");
            zk.create("/per-method", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }
}
