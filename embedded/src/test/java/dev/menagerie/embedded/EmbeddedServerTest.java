package dev.menagerie.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServerTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void apachesClientWritesAndReadsAndTheClosedServerLetsItsPortAndFolderGo() throws Exception {
        EmbeddedServer server = EmbeddedServer.standalone().start();
        Path folder = server.zooCfg().getParent();
        try (ZooKeeper zk = Clients.connected(server.connectString())) {
            zk.create("/greeting", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertArrayEquals(HELLO, zk.getData("/greeting", false, null));
        }
        assertEquals("127.0.0.1:" + server.port(), server.connectString());
        assertFalse(Files.exists(folder.resolve("data")), "storage=memory wrote files under " + folder);
        server.close();
        assertTrue(Clients.portIsFree(server.port()), "port " + server.port() + " is still bound after close");
        assertFalse(Files.exists(folder), folder + " was not deleted");
    }

    @Test
    void aRestartedMemoryServerComesBackEmptyOnTheSamePortWithoutTheOldSessions() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.standalone().start();
                ZooKeeper before = Clients.connected(server.connectString())) {
            before.create("/gone", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            server.stop();
            assertFalse(server.isRunning());
            assertTrue(Clients.portIsFree(server.port()), "a stopped server still holds its port");
            server.start();
            try (ZooKeeper after = Clients.connected(server.connectString())) {
                assertNull(after.exists("/gone", false));
            }
            // A client from before cannot go on: as Apache's server does, this one refuses it while the client has
            // seen a later zxid than the server's, and once it has not, tells it that its session expired.
            KeeperException refused = assertThrows(KeeperException.class, () -> before.exists("/", false));
            assertTrue(refused.code() == KeeperException.Code.CONNECTIONLOSS
                    || refused.code() == KeeperException.Code.SESSIONEXPIRED, refused.toString());
        }
    }

    @Test
    void aRestartedFileServerKeepsItsNodesSessionsAndTheGivenFolder(@TempDir Path dir) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.standalone().storage("file").transport("netty").folder(dir)
                .start();
                ZooKeeper zk = Clients.connected(server.connectString())) {
            zk.create("/kept", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/mine", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            long session = zk.getSessionId();
            server.restart();
            // The client notices the restart only when its connection drops: until it reconnects, reads fail.
            byte[] kept = Await.untilNoException("/kept read after the restart", Duration.ofSeconds(15),
                    () -> zk.getData("/kept", false, null));
            assertArrayEquals(HELLO, kept);
            assertEquals(session, zk.getSessionId());
            assertEquals(session, zk.exists("/mine", false).getEphemeralOwner(), "the session's ephemeral node");
        }
        assertTrue(Files.isDirectory(dir.resolve("data")), "the file engine's data folder is gone");
    }

    @Test
    void aZooCfgKeyReachesTheServer() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.standalone().config("maxSessionTimeout", "5000").start();
                ZooKeeper zk = Clients.connected(server.connectString())) {
            assertEquals(5000, zk.getSessionTimeout(), "the session timeout the server granted for 10000 asked");
        }
    }

    @Test
    void aTakenPortFailsTheStartNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedServerBuilder builder = EmbeddedServer.standalone().port(taken.getLocalPort());
            IOException failed = assertThrows(IOException.class, builder::start);
            assertTrue(failed.getMessage().contains("127.0.0.1:" + taken.getLocalPort() + " did not start"),
                    failed.getMessage());
        }
    }

    @Test
    void aRefusedValueFailsTheStartNamingTheKey() {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                () -> EmbeddedServer.standalone().config("tickTime", "soon").start());
        assertTrue(refused.getMessage().contains("tickTime"), refused.getMessage());
    }

    @Test
    void aTypeNoJarProvidesFailsTheStartNamingTheKeyAndTheInstalledTypes() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> EmbeddedServer.standalone().storage("rocks").start());
        assertEquals("storage=rocks: no jar on the class path provides it (installed: file, memory)",
                missing.getMessage());
    }
}
