package dev.menagerie.it.process.jepsen;

import dev.menagerie.it.process.Clients;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.linearizability.RegisterOp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Clients of the official library, each in its own thread and session, doing reads (sync, then getData), writes and
 * compare-and-sets on registers, adds to a set and sequential creates, recording every invocation and answer. The
 * registers move to fresh keys every {@link #OPS_PER_KEY_GENERATION} register operations so each key's history stays
 * short enough to check. Any answer other than success, a refused compare-and-set or a lost connection is unexpected.
 */
final class Workload {

    static final String REGISTERS = "/reg";
    static final String SET = "/set";
    static final String SEQUENCES = "/seq";
    private static final List<String> SEQUENCE_LETTERS = List.of("a", "b", "c");
    /**
     * Set adds and sequential creates of one client go to a new parent after this many, so that no parent's
     * children list outgrows a reply (jute.maxbuffer, 1 MiB) even in a 30-minute run.
     */
    private static final int CHILDREN_PER_GROUP = 2_000;
    private static final int KEYS_PER_GENERATION = 4;
    private static final long OPS_PER_KEY_GENERATION = 800;
    private static final int SESSION_TIMEOUT_MS = 6_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Far beyond a 30-minute run; the load ends at this count even if nobody stops it. */
    private static final long MAX_INVOCATIONS = 20_000_000;

    final Queue<RegisterOp> registerOps = new ConcurrentLinkedQueue<>();
    final Set<String> setAttempted = ConcurrentHashMap.newKeySet();
    final Set<String> setAcknowledged = ConcurrentHashMap.newKeySet();
    final Queue<SequentialCreate> sequentialCreates = new ConcurrentLinkedQueue<>();
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong unknownOutcomes = new AtomicLong();
    private final AtomicLong registerInvocations = new AtomicLong();
    private final String connectString;
    private final long originNs;
    private volatile boolean stopped;

    Workload(String connectString, long originNs) {
        this.connectString = connectString;
        this.originNs = originNs;
    }

    /** The parents every operation needs, created before the clients start. */
    static void createParents(ZooKeeper client) throws KeeperException, InterruptedException {
        for (String path : List.of(REGISTERS, SET, SEQUENCES)) {
            client.create(path, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }

    Thread start(int process, long seed) {
        Thread thread = new Thread(() -> runClient(process, new Random(seed)), "jepsen-client-" + process);
        thread.start();
        return thread;
    }

    void stop() {
        stopped = true;
    }

    private void runClient(int process, Random random) {
        Client client = new Client(process, random);
        try {
            while (!stopped && invocations.get() < MAX_INVOCATIONS) {
                client.step();
            }
        } catch (InterruptedException e) {
            unexpected.add("client " + process + " interrupted");
        } catch (RuntimeException | AssertionError | java.io.IOException e) {
            unexpected.add("client " + process + " stopped: " + e);
        } finally {
            client.close();
        }
    }

    /** One session and what it knows: which register keys exist and the last version it saw of each. */
    private final class Client {
        private final int process;
        private final Random random;
        private final Set<String> existingKeys = new HashSet<>();
        private final Set<String> existingParents = new HashSet<>();
        private int setAdds;
        private int sequentialCreatesTried;
        private final Map<String, Integer> lastVersions = new HashMap<>();
        private ZooKeeper zk;
        private volatile boolean connected;
        private int counter;

        Client(int process, Random random) {
            this.process = process;
            this.random = random;
        }

        void step() throws InterruptedException, java.io.IOException {
            if (zk == null || !zk.getState().isAlive()) {
                reconnect();
            }
            awaitConnected();
            invocations.incrementAndGet();
            int dice = random.nextInt(100);
            if (dice < 50) {
                register();
            } else if (dice < 75) {
                addToSet();
            } else {
                createSequential();
            }
        }

        private void reconnect() throws InterruptedException, java.io.IOException {
            Clients.closeQuietly(zk);
            connected = false;
            zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
                connected = event.getState() == KeeperState.SyncConnected;
            });
        }

        /** Waits for the session after a lost connection, so a dead server does not make a burst of failures. */
        private void awaitConnected() {
            ZooKeeper session = zk;
            Await.untilTrue("client " + process + " connected again", CONNECT_TIMEOUT,
                    () -> connected || stopped || !session.getState().isAlive());
        }

        private void register() throws InterruptedException {
            long generation = registerInvocations.incrementAndGet() / OPS_PER_KEY_GENERATION;
            String key = REGISTERS + "/g" + generation + "-" + random.nextInt(KEYS_PER_GENERATION);
            if (!existingKeys.contains(key) && !ensureExists(key)) {
                return;
            }
            int dice = random.nextInt(10);
            if (dice < 4) {
                read(key);
            } else if (dice < 6) {
                write(key, -1);
            } else {
                write(key, lastVersions.getOrDefault(key, 0));
            }
        }

        /** Creates a register at 0 (version 0); false if the answer was lost, and the next attempt tries again. */
        private boolean ensureExists(String key) throws InterruptedException {
            try {
                zk.create(key, bytes(0), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException e) {
                if (e.code() != Code.NODEEXISTS) {
                    classify(e, "create " + key);
                    return false;
                }
            }
            existingKeys.add(key);
            return true;
        }

        /** Creates a parent once; false if the answer was lost, and the next attempt tries again. */
        private boolean ensureParent(String path) throws InterruptedException {
            if (existingParents.contains(path)) {
                return true;
            }
            try {
                zk.create(path, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException e) {
                if (e.code() != Code.NODEEXISTS) {
                    classify(e, "create " + path);
                    return false;
                }
            }
            existingParents.add(path);
            return true;
        }

        private void read(String key) throws InterruptedException {
            long invokeNs = System.nanoTime();
            try {
                // A plain read may be served by a lagging follower; a sync first makes it linearizable.
                zk.sync(key);
                Stat stat = new Stat();
                int value = Integer.parseInt(new String(zk.getData(key, false, stat), StandardCharsets.UTF_8));
                registerOps.add(RegisterOp.read(process, key, invokeNs, System.nanoTime(), value,
                        stat.getVersion()));
                lastVersions.put(key, stat.getVersion());
            } catch (KeeperException e) {
                classify(e, "read " + key);
            }
        }

        /** A write with {@code expectedVersion} -1, otherwise a compare-and-set. */
        private void write(String key, int expectedVersion) throws InterruptedException {
            int value = process * 10_000_000 + ++counter;
            long invokeNs = System.nanoTime();
            RegisterOp.Outcome outcome;
            int newVersion = 0;
            try {
                newVersion = zk.setData(key, bytes(value), expectedVersion).getVersion();
                lastVersions.put(key, newVersion);
                outcome = RegisterOp.Outcome.OK;
            } catch (KeeperException e) {
                if (e.code() == Code.BADVERSION && expectedVersion >= 0) {
                    outcome = RegisterOp.Outcome.FAILED;
                } else if (classify(e, "setData " + key)) {
                    outcome = RegisterOp.Outcome.UNKNOWN;
                } else {
                    return;
                }
            }
            long completeNs = System.nanoTime();
            registerOps.add(expectedVersion < 0
                    ? RegisterOp.write(process, key, value, invokeNs, completeNs, outcome, newVersion)
                    : RegisterOp.cas(process, key, expectedVersion, value, invokeNs, completeNs, outcome,
                            newVersion));
        }

        private void addToSet() throws InterruptedException {
            String group = SET + "/p" + process + "-g" + setAdds / CHILDREN_PER_GROUP;
            if (!ensureParent(group)) {
                return;
            }
            setAdds++;
            String element = group + "/e" + ++counter;
            setAttempted.add(element);
            try {
                zk.create(element, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                setAcknowledged.add(element);
            } catch (KeeperException e) {
                classify(e, "create " + element);
            }
        }

        private void createSequential() throws InterruptedException {
            String parent = SEQUENCES + "/" + SEQUENCE_LETTERS.get(random.nextInt(SEQUENCE_LETTERS.size()))
                    + sequentialCreatesTried / CHILDREN_PER_GROUP;
            if (!ensureParent(parent)) {
                return;
            }
            sequentialCreatesTried++;
            long invokeNs = System.nanoTime();
            try {
                String name = zk.create(parent + "/n-", new byte[0], Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT_SEQUENTIAL);
                long sequence = Long.parseLong(name.substring(name.length() - 10));
                sequentialCreates.add(new SequentialCreate(parent, name, invokeNs, System.nanoTime(), sequence));
            } catch (KeeperException e) {
                classify(e, "sequential create under " + parent);
            }
        }

        /**
         * Counts a lost answer (true: the outcome is unknown) or records an unexpected error (false: the operation
         * is not part of the history).
         */
        private boolean classify(KeeperException e, String what) {
            switch (e.code()) {
                case CONNECTIONLOSS, OPERATIONTIMEOUT, SESSIONEXPIRED, SESSIONMOVED, REQUESTTIMEOUT -> {
                    unknownOutcomes.incrementAndGet();
                    return true;
                }
                default -> {
                    unexpected.add(String.format("%.3f ms: p%d %s: %s", (System.nanoTime() - originNs) / 1e6,
                            process, what, e.code()));
                    return false;
                }
            }
        }

        void close() {
            try {
                Clients.closeQuietly(zk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] bytes(int value) {
        return Integer.toString(value).getBytes(StandardCharsets.UTF_8);
    }
}
