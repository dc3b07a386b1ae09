package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.SnapshotFile;
import dev.menagerie.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the admin {@code restore} command does to a running standalone server, seen by Apache's Java client: the
 * data of the snapshot comes back, sessions in it live on, others expire, watches are set again, a bad stream
 * changes nothing, a restart keeps the restored data, and a snapshot Apache's FileSnap wrote restores too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminRestoreTest {

    private static final Duration RECONNECT = Duration.ofSeconds(30);
    private static final byte[] V1 = "v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V2 = "v2".getBytes(StandardCharsets.UTF_8);

    @TempDir
    java.nio.file.Path dir;

    @Test
    void theSnapshotsDataServesAgainAndARestartKeepsIt() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), events);
            createTree(zk);
            SnapshotFile file = server.server().status().takeSnapshot();
            byte[] snapshot = Files.readAllBytes(file.path());
            zk.setData("/app", V2, -1);
            zk.create("/app/extra", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/app/n0", -1);
            long before = zk.exists("/app/extra", false).getMzxid();
            zk.getData("/app", true, null);

            long lastHandedOut = server.server().status().summary().lastZxid();
            long restored = server.server().status().restoreSnapshot(new ByteArrayInputStream(snapshot));

            assertEquals(file.zxid(), restored, "the zxid the snapshot was taken at");
            assertEquals(lastHandedOut, server.server().status().lastSnapshot().zxid(),
                    "the restored tree is written as a snapshot named after the last zxid handed out");
            assertEquals(lastHandedOut, server.server().status().summary().lastZxid());
            // The connection is closed; the session is in the snapshot, so the client reconnects to it.
            Await.untilNoException("the restored /app", RECONNECT,
                    () -> Arrays.equals(V1, zk.getData("/app", false, null)) ? Boolean.TRUE : null);
            assertNull(zk.exists("/app/extra", false), "created after the snapshot");
            assertEquals(10, zk.getChildren("/app", false).size());
            zk.setData("/app", V2, -1);
            WatchedEvent changed = events.poll(10, TimeUnit.SECONDS);
            assertTrue(changed != null && changed.getType() == Watcher.Event.EventType.NodeDataChanged,
                    "the watch set before the restore was set again and fires: " + changed);
            assertTrue(zk.exists("/app", false).getMzxid() > before, "zxids go on from the highest one handed out");
            zk.create("/after", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.close();
        }
        try (InJvmMenagerie restarted = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(restarted.connectString(), new LinkedBlockingQueue<>());
            assertArrayEquals(V2, zk.getData("/app", false, null));
            assertArrayEquals(V1, zk.getData("/after", false, null));
            assertNull(zk.exists("/app/extra", false));
            assertEquals(10, zk.getChildren("/app", false).size());
            zk.close();
        }
    }

    @Test
    void aSessionOpenedAfterTheSnapshotExpiresAndItsEphemeralIsGone() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper early = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            long earlySession = early.getSessionId();
            createTree(early);
            byte[] snapshot = snapshotBytes(server.server().status());
            BlockingQueue<Watcher.Event.KeeperState> lateStates = new LinkedBlockingQueue<>();
            ZooKeeper late = new ZooKeeper(server.connectString(), 10_000, e -> lateStates.add(e.getState()));
            Await.untilTrue("the late client connects", RECONNECT, () -> late.getState().isConnected());
            late.create("/late", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

            server.server().status().restoreSnapshot(new ByteArrayInputStream(snapshot));

            Await.untilTrue("the late client's session expires", RECONNECT,
                    () -> lateStates.contains(Watcher.Event.KeeperState.Expired));
            Await.untilNoException("the early client reconnects", RECONNECT,
                    () -> early.getChildren("/app", false));
            assertNull(early.exists("/late", false));
            assertEquals(earlySession, early.getSessionId(), "the session in the snapshot lives on");
            late.close();
            early.close();
        }
    }

    @Test
    void aBadStreamIsRefusedWithTheReasonAndTheDataServesOn() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            createTree(zk);
            ServerStatus status = server.server().status();
            byte[] good = snapshotBytes(status);
            zk.setData("/app", V2, -1);
            long sessionId = zk.getSessionId();

            byte[] damaged = good.clone();
            damaged[good.length / 2] ^= 0x40;
            assertRefused(status, damaged, "");
            assertRefused(status, Arrays.copyOf(good, good.length - 7), "");
            assertRefused(status, "not a snapshot at all".getBytes(StandardCharsets.UTF_8),
                    "not a version 2 ZooKeeper snapshot");
            assertRefused(status, new byte[0], "");
            byte[] snappy = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 1, 2};
            assertRefused(status, snappy, "");

            assertArrayEquals(V2, zk.getData("/app", false, null));
            assertEquals(sessionId, zk.getSessionId());
            assertTrue(zk.getState().isConnected(), "a refused restore closes no connection");
            zk.create("/still-writable", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.close();
        }
    }

    @Test
    void aGzipSnapshotRestoresToo() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "snapshot.compression.method=gz")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            createTree(zk);
            SnapshotFile file = server.server().status().takeSnapshot();
            assertTrue(file.path().toString().endsWith(".gz"), file.path().toString());
            zk.delete("/app/n9", -1);

            server.server().status().restoreSnapshot(Files.newInputStream(file.path()));

            Await.untilNoException("/app/n9 back", RECONNECT, () -> zk.getData("/app/n9", false, null));
            zk.close();
        }
    }

    @Test
    void aSnapshotApacheWroteRestoresWithItsZxidAndSessions() throws Exception {
        org.apache.zookeeper.server.DataTree apacheTree = new org.apache.zookeeper.server.DataTree();
        apacheTree.createNode("/apache", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 0x41, 1_000);
        apacheTree.createNode("/apache/child", V2, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 0x42, 2_000);
        apacheTree.lastProcessedZxid = 0x42;
        java.io.File file = dir.resolve("snapshot.42").toFile();
        new org.apache.zookeeper.server.persistence.FileSnap(dir.toFile())
                .serialize(apacheTree, new java.util.HashMap<>(java.util.Map.of(0x77L, 12_000)), file, false);
        try (InJvmMenagerie server = new InJvmMenagerie(Files.createDirectories(dir.resolve("server")), "nio")) {
            ServerStatus status = server.server().status();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/mine", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertEquals(0x42, status.restoreSnapshot(Files.newInputStream(file.toPath())));

            assertEquals(1, status.sessions().sessionCount(), "the snapshot's session, and not the client's");
            zk.close();
            ZooKeeper fresh = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            assertArrayEquals(V2, fresh.getData("/apache/child", false, null));
            assertNull(fresh.exists("/mine", false));
            fresh.close();
        }
    }

    private static void assertRefused(ServerStatus status, byte[] stream, String reason) {
        IOException e = assertThrows(IOException.class,
                () -> status.restoreSnapshot(new ByteArrayInputStream(stream)));
        assertTrue(String.valueOf(e.getMessage()).contains(reason), e.toString());
    }

    private static void createTree(ZooKeeper zk) throws KeeperException, InterruptedException {
        zk.create("/app", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < 10; i++) {
            zk.create("/app/n" + i, new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }

    private static byte[] snapshotBytes(ServerStatus status) throws IOException {
        return Files.readAllBytes(status.takeSnapshot().path());
    }
}
