package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A client that goes silent loses its session after the negotiated timeout, and its ephemerals with it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionExpiryTest {

    @TempDir
    Path dir;

    @Test
    void silentSessionExpiresItsEphemeralIsDeletedAndItCannotBeResumed() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "tickTime=200", "minSessionTimeout=1000",
                "maxSessionTimeout=2000")) {
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper watcher = JavaClientSmokeTest.connect(server.connectString(), events);
            ZooKeeper owner = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            long sessionId = owner.getSessionId();
            byte[] password = owner.getSessionPasswd();
            assertEquals(2000, owner.getSessionTimeout(), "the requested 10 s is clamped to maxSessionTimeout");
            owner.create("/owned", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertNotNull(watcher.exists("/owned", true));

            // Silence the owner without closing its session: its connection is cut and never comes back.
            owner.getTestable().injectSessionExpiration();
            WatchedEvent deleted = events.poll(15, TimeUnit.SECONDS);
            assertNotNull(deleted, "the ephemeral went away when the session expired");
            assertEquals(Watcher.Event.EventType.NodeDeleted, deleted.getType());

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                socket.setSoTimeout(10_000);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                ByteBuffer request = ByteBuffer.allocate(4 + 45).putInt(45).putInt(0).putLong(0).putInt(2000)
                        .putLong(sessionId).putInt(16).put(password).put((byte) 0);
                out.write(request.array());
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                int length = in.readInt();
                ByteBuffer response = ByteBuffer.wrap(in.readNBytes(length));
                response.getInt();
                assertEquals(0, response.getInt(), "an expired session gets timeout 0");
                assertEquals(0, response.getLong(), "and session id 0");
                assertTrue(in.read() < 0, "then the connection is closed");
            }
            watcher.close();
        }
    }
}
