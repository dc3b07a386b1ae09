package dev.menagerie.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.embedded.MenagerieExtension.ConnectString;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Declared on the class: one server for the class, reached through parameters only. */
@ExtendWith(MenagerieExtension.class)
class MenagerieExtendWithTest {

    @Test
    void testsTakeTheServerOrItsConnectString(EmbeddedServer server, @ConnectString String connectString)
            throws Exception {
        assertEquals(server.connectString(), connectString);
        try (ZooKeeper zk = Clients.connected(connectString)) {
            assertEquals(List.of("zookeeper"), zk.getChildren("/", false), "a new server holds only /zookeeper");
        }
    }
}
