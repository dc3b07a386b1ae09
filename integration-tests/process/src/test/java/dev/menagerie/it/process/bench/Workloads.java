package dev.menagerie.it.process.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** The requests the throughput phases send: 100-byte payloads, a pool of 1000 nodes for setData and getData. */
final class Workloads {

    static final String ROOT = "/bench";
    static final String CREATED = ROOT + "/c";
    static final String POOL = ROOT + "/s";
    static final int POOL_SIZE = 1_000;
    private static final byte[] PAYLOAD = new byte[100];

    static {
        Arrays.fill(PAYLOAD, (byte) 'x');
    }

    private Workloads() {
    }

    static void prepare(ZooKeeper client) throws KeeperException, InterruptedException {
        List<Op> ops = new ArrayList<>();
        ops.add(Op.create(ROOT, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        ops.add(Op.create(CREATED, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        ops.add(Op.create(POOL, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        for (int i = 0; i < POOL_SIZE; i++) {
            ops.add(Op.create(pooled(i), PAYLOAD, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        }
        client.multi(ops);
    }

    private static String pooled(int i) {
        return POOL + "/n" + i;
    }

    /** Spreads clients over the pool so that they do not all hit the same node. */
    private static String pooled(int clientIndex, int index) {
        return pooled(Math.floorMod(clientIndex * 7_919 + index, POOL_SIZE));
    }

    static LoadPhase.Request create(String round) {
        return (client, clientIndex, index, done) -> client.create(
                CREATED + "/" + round + "-c" + clientIndex + "-" + index, PAYLOAD, Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT, (rc, path, ctx, name) -> done.completed(rc), null);
    }

    static LoadPhase.Request setData() {
        return (client, clientIndex, index, done) -> client.setData(pooled(clientIndex, index), PAYLOAD, -1,
                (rc, path, ctx, stat) -> done.completed(rc), null);
    }

    static LoadPhase.Request getData() {
        return (client, clientIndex, index, done) -> client.getData(pooled(clientIndex, index), false,
                (rc, path, ctx, data, stat) -> done.completed(rc), null);
    }
}
