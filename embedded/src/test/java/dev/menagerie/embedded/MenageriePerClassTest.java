package dev.menagerie.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.menagerie.embedded.MenagerieExtension.ConnectString;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static field: one server for the class (and its nested classes); what one test writes, the next reads. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MenageriePerClassTest {

    @RegisterExtension
    static final MenagerieExtension MENAGERIE = new MenagerieExtension(EmbeddedServer.standalone().transport("netty"));

    private static EmbeddedServer serverBeforeAll;

    @BeforeAll
    static void remember(EmbeddedServer server) {
        serverBeforeAll = server;
    }

    @Test
    @Order(1)
    void theFirstTestWrites(@ConnectString String connectString) throws Exception {
        try (ZooKeeper zk = Clients.connected(connectString)) {
            zk.create("/per-class", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }

    @Test
    @Order(2)
    void theSecondReadsOnTheSameServer(EmbeddedServer server) throws Exception {
        assertSame(serverBeforeAll, server);
        try (ZooKeeper zk = Clients.connected(server.connectString())) {
            assertNotNull(zk.exists("/per-class", false), "the first test's node is gone");
        }
    }

    @Nested
    class Inner {
        @Test
        void aNestedClassSharesTheServer(EmbeddedServer server) {
            assertSame(serverBeforeAll, server);
            assertEquals(MENAGERIE.connectString(), server.connectString());
        }
    }
}
