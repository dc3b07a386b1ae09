package dev.menagerie.it.process.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * Creates {@code count} znodes quickly: {@code /many/p<k>} parents with up to {@value #BATCH} children each, one
 * multi request per parent, a few multis in flight.
 */
final class Populator {

    static final String ROOT = "/many";
    private static final int BATCH = 1_000;
    private static final int MULTIS_IN_FLIGHT = 4;
    private static final byte[] DATA = "sixteen bytes ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private Populator() {
    }

    /** Returns the number of znodes created (less than count only if the time ran out or a multi failed). */
    static long populate(ZooKeeper client, long count, Duration maxDuration) throws Exception {
        client.create(ROOT, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        long deadline = System.nanoTime() + maxDuration.toNanos();
        Semaphore inFlight = new Semaphore(MULTIS_IN_FLIGHT);
        AtomicLong created = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long batches = (count + BATCH - 1) / BATCH;
        for (long batch = 0; batch < batches && System.nanoTime() < deadline && failures.get() == 0; batch++) {
            inFlight.acquire();
            long first = batch * BATCH;
            int size = (int) Math.min(BATCH, count - first);
            client.multi(batchOps(batch, size), (rc, path, ctx, results) -> {
                if (rc == KeeperException.Code.OK.intValue()) {
                    created.addAndGet(size);
                } else {
                    failures.incrementAndGet();
                }
                inFlight.release();
            }, null);
        }
        if (!inFlight.tryAcquire(MULTIS_IN_FLIGHT, 300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("multis did not complete");
        }
        return created.get();
    }

    private static List<Op> batchOps(long batch, int size) {
        List<Op> ops = new ArrayList<>(size + 1);
        String parent = ROOT + "/p" + batch;
        ops.add(Op.create(parent, DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        for (int i = 1; i < size; i++) {
            ops.add(Op.create(parent + "/n" + i, DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        }
        return ops;
    }
}
