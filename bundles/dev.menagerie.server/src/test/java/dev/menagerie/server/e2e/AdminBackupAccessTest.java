package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.SnapshotFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the admin {@code snapshot} command asks of a running server: a snapshot file now, and an access check. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminBackupAccessTest {

    private static final int ALL = ZooDefs.Perms.ALL;
    private static final byte[] BACKUP = "backup:secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aSnapshotIsWrittenNowAndNamedAfterTheLastZxid() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "snapshot.compression.method=gz")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/a", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            long zxid = zk.exists("/a", false).getMzxid();
            zk.close();
            SnapshotFile file = server.server().status().takeSnapshot();
            assertTrue(file.zxid() >= zxid, "0x" + Long.toHexString(file.zxid()));
            assertEquals("snapshot." + Long.toHexString(file.zxid()) + ".gz", file.path().getFileName().toString());
            assertTrue(Files.size(file.path()) > 0);
        }
    }

    @Test
    void credentialsAreAuthenticatedThenCheckedAgainstEveryBitOfTheRootsAcl() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ServerStatus status = server.server().status();
            assertEquals(AdminAccess.GRANTED, status.checkAccess("digest", BACKUP, "127.0.0.1", "/", ALL),
                    "world:anyone on the root grants any authenticated id");
            assertEquals(AdminAccess.NOT_AUTHENTICATED, status.checkAccess("nosuch", BACKUP, "127.0.0.1", "/", ALL));
            assertEquals(AdminAccess.NO_NODE, status.checkAccess("digest", BACKUP, "127.0.0.1", "/missing", ALL));

            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            List<ACL> acl = new ArrayList<>(List.of(
                    new ACL(ALL, new Id("digest", DigestAuthenticationProvider.generateDigest("backup:secret"))),
                    new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.WRITE, new Id("ip", "127.0.0.1"))));
            zk.setACL("/", acl, -1);
            zk.close();
            assertEquals(AdminAccess.GRANTED, status.checkAccess("digest", BACKUP, "127.0.0.1", "/", ALL));
            assertEquals(AdminAccess.NOT_AUTHORIZED, status.checkAccess("digest",
                    "backup:wrong".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "/", ALL));
            assertEquals(AdminAccess.NOT_AUTHORIZED, status.checkAccess("ip", null, "127.0.0.1", "/", ALL),
                    "read and write are not every permission");
            assertEquals(AdminAccess.GRANTED, status.checkAccess("ip", null, "127.0.0.1", "/",
                    ZooDefs.Perms.READ | ZooDefs.Perms.WRITE));
        }
    }
}
