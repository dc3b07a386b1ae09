package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of transaction written before a restart is replayed from the log after it, with the same stats. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartReplaysEveryTransactionTest {

    @TempDir
    Path dir;

    @Test
    void setDataSetAclDeleteMultiAndCheckSurviveARestart() throws Exception {
        int port;
        Stat before;
        List<ACL> aclBefore;
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            port = server.port();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/r", "a".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/r", "abc".getBytes(StandardCharsets.UTF_8), -1);
            zk.setData("/r", "abcd".getBytes(StandardCharsets.UTF_8), 1);
            zk.create("/r/tmp", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/r/tmp", 0);
            zk.setACL("/r", new java.util.ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("world", "anyone")),
                    new ACL(ZooDefs.Perms.READ, new Id("ip", "127.0.0.1")))), 0);
            zk.multi(List.of(Op.create("/m", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL), Op.check("/r", 2), Op.setData("/r", "e".getBytes(
                    StandardCharsets.UTF_8), 2)));
            zk.create("/c", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            before = zk.exists("/r", false);
            aclBefore = zk.getACL("/r", new Stat());
            zk.close();
        }
        try (InJvmMenagerie again = new InJvmMenagerie(dir, port, "nio")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(again.connectString(), new LinkedBlockingQueue<>());
            Stat after = new Stat();
            assertArrayEquals("e".getBytes(StandardCharsets.UTF_8), zk.getData("/r", false, after));
            assertEquals(before, after, "every stat field as before the restart");
            assertEquals(aclBefore, zk.getACL("/r", new Stat()));
            assertNull(zk.exists("/r/tmp", false));
            assertEquals(List.of("m0000000001"), zk.getChildren("/", false).stream()
                    .filter(name -> name.startsWith("m")).toList());
            assertNotNull(zk.exists("/c", false), "the container is back");
            zk.close();
        }
    }
}
