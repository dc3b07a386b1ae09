package dev.menagerie.it.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Writers, one session each, that alternate a sequential create under {@code /load/seq} with a setData of the
 * writer's own node {@code /load/set/w<i>}, recording every acknowledged write in an {@link AckLedger}. A writer
 * stops at its first lost connection (the server died), at {@link #stop()}, or after {@code maxOpsPerWriter}.
 */
public final class WriteLoad {

    public static final String ROOT = "/load";
    public static final String SEQ_PARENT = ROOT + "/seq";
    public static final String SET_PARENT = ROOT + "/set";

    private final ServerProcess server;
    private final AckLedger ledger;
    private final String round;
    private final int maxOpsPerWriter;
    private final List<Thread> threads = new ArrayList<>();
    private final List<ZooKeeper> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong minAckZxid = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean stopped;

    public WriteLoad(ServerProcess server, AckLedger ledger, String round, int maxOpsPerWriter) {
        this.server = server;
        this.ledger = ledger;
        this.round = round;
        this.maxOpsPerWriter = maxOpsPerWriter;
    }

    /** Creates the parents and every writer's setData node that does not exist yet. */
    public static void prepare(ZooKeeper client, int writers) throws KeeperException, InterruptedException {
        for (String path : List.of(ROOT, SEQ_PARENT, SET_PARENT)) {
            createIfAbsent(client, path);
        }
        for (int i = 0; i < writers; i++) {
            createIfAbsent(client, setPath(i));
        }
    }

    private static void createIfAbsent(ZooKeeper client, String path) throws KeeperException, InterruptedException {
        try {
            client.create(path, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException exists) {
            // from an earlier round
        }
    }

    public static String setPath(int writer) {
        return SET_PARENT + "/w" + writer;
    }

    /** Connects the writers and starts them. */
    public void start(int writers) throws Exception {
        for (int i = 0; i < writers; i++) {
            ZooKeeper client = Clients.connect(server.connectString(), 30_000, Duration.ofSeconds(30));
            clients.add(client);
            int writer = i;
            Thread thread = new Thread(() -> write(client, writer), "writer-" + round + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void write(ZooKeeper client, int writer) {
        String own = setPath(writer);
        try {
            for (int op = 0; op < maxOpsPerWriter && !stopped; op++) {
                byte[] payload = (round + "/w" + writer + "/op" + op).getBytes(StandardCharsets.UTF_8);
                Stat stat = new Stat();
                if (op % 2 == 0) {
                    String path = client.create(SEQ_PARENT + "/" + round + "-w" + writer + "-", payload,
                            Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL, stat);
                    ledger.created(path, payload, stat.getCzxid());
                    minAckZxid.accumulateAndGet(stat.getCzxid(), Math::min);
                } else {
                    ledger.attemptingSet(own, payload);
                    stat = client.setData(own, payload, -1);
                    ledger.set(own, payload, stat.getVersion(), stat.getMzxid());
                    minAckZxid.accumulateAndGet(stat.getMzxid(), Math::min);
                }
            }
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException gone) {
            // the server died under us: the write in flight is not acknowledged
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (KeeperException | RuntimeException e) {
            unexpected.add(Thread.currentThread().getName() + ": " + e);
        }
    }

    public void stop() {
        stopped = true;
    }

    /** Waits for the writers to end and closes their sessions (bounded). */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                unexpected.add(thread.getName() + " still running after " + timeout);
            }
        }
        closeAll();
    }

    /** In parallel: each close of a session whose server is gone waits for its own timeout. */
    private void closeAll() throws InterruptedException {
        List<Thread> closers = new ArrayList<>();
        for (ZooKeeper client : clients) {
            Thread closer = new Thread(() -> {
                try {
                    Clients.closeQuietly(client);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "close-" + round);
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        for (Thread closer : closers) {
            closer.join();
        }
    }

    /** Errors other than a lost connection; a correct server causes none. */
    public List<String> unexpectedErrors() {
        return List.copyOf(unexpected);
    }

    /** The smallest zxid acknowledged in this round, or Long.MAX_VALUE when nothing was. */
    public long minAckZxid() {
        return minAckZxid.get();
    }
}
