package dev.menagerie.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedEnsembleTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0} servers")
    @ValueSource(ints = {3, 5})
    void aWriteThroughOneMemberIsReadFromEveryMemberAndTheClosedEnsembleLetsItsPortsGo(int size) throws Exception {
        List<Integer> ports = new ArrayList<>();
        try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.of(size).start()) {
            assertTrue(ensemble.leader() >= 1 && ensemble.leader() <= size, "leader " + ensemble.leader());
            try (ZooKeeper zk = Clients.connected(ensemble.connectString(1))) {
                zk.create("/replicated", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            for (int id = 1; id <= ensemble.size(); id++) {
                ports.add(Integer.parseInt(ensemble.connectString(id).substring("127.0.0.1:".length())));
                try (ZooKeeper zk = Clients.connected(ensemble.connectString(id))) {
                    // A follower may apply the commit just after the leader acknowledged the create.
                    byte[] data = Await.untilNoException("/replicated on server " + id, Duration.ofSeconds(10),
                            () -> zk.getData("/replicated", false, null));
                    assertArrayEquals(HELLO, data);
                }
            }
            assertEquals(size, ensemble.connectString().split(",").length);
        }
        for (int port : ports) {
            assertTrue(Clients.portIsFree(port), "client port " + port + " is still bound after close");
        }
    }

    @Test
    void aStoppedLeaderIsReplacedAndRejoinsEmptyFromTheNewLeaderAfterItsRestart() throws Exception {
        try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.of(3).start()) {
            int oldLeader = ensemble.leader();
            ensemble.stop(oldLeader);
            int other = oldLeader % 3 + 1;
            try (ZooKeeper zk = Clients.connected(ensemble.connectString(other))) {
                // Until the other two have elected a leader, the write fails with a connection loss; a retry of a
                // create whose reply was lost finds the node there.
                Await.untilNoException("a write without server " + oldLeader, Duration.ofSeconds(20), () -> {
                    try {
                        return zk.create("/after-failover", HELLO, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    } catch (KeeperException.NodeExistsException createdBefore) {
                        return "/after-failover";
                    }
                });
            }
            assertTrue(ensemble.leader() != oldLeader && ensemble.leader() != 0, "leader " + ensemble.leader());
            ensemble.start(oldLeader, Duration.ofSeconds(30));
            try (ZooKeeper zk = Clients.connected(ensemble.connectString(oldLeader))) {
                assertArrayEquals(HELLO, zk.getData("/after-failover", false, null));
            }
        }
    }
}
