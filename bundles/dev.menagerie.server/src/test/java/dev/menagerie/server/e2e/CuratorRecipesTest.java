package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.atomic.AtomicValue;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.framework.recipes.barriers.DistributedDoubleBarrier;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.framework.recipes.shared.SharedCount;
import org.apache.curator.framework.recipes.shared.SharedCountListener;
import org.apache.curator.framework.recipes.shared.SharedCountReader;
import org.apache.curator.framework.recipes.shared.VersionedValue;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Curator 5.9.0's recipes, which lean on sequential ephemerals, watches and versions, against Menagerie. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CuratorRecipesTest {

    private static final int WAIT_S = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private InJvmMenagerie server(String transport) throws Exception {
        InJvmMenagerie server = new InJvmMenagerie(dir, transport);
        toClose.add(server);
        return server;
    }

    private CuratorFramework client(InJvmMenagerie server) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(server.connectString(), 10_000, 5_000,
                new ExponentialBackoffRetry(100, 3));
        client.start();
        toClose.add(client);
        assertTrue(client.blockUntilConnected(WAIT_S, TimeUnit.SECONDS), "curator connects");
        return client;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls a condition that no event announces (at most {@code WAIT_S}). */
    private static boolean eventually(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void interProcessMutexLetsOneHolderIn(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        List<CuratorFramework> clients = List.of(client(server), client(server));
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        AtomicInteger acquired = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (CuratorFramework client : clients) {
                done.add(pool.submit(() -> {
                    InterProcessMutex mutex = new InterProcessMutex(client, "/locks/one");
                    for (int i = 0; i < 10; i++) {
                        assertTrue(mutex.acquire(WAIT_S, TimeUnit.SECONDS), "lock acquired");
                        try {
                            maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            acquired.incrementAndGet();
                            Thread.sleep(2);
                        } finally {
                            holders.decrementAndGet();
                            mutex.release();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(WAIT_S * 2L, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, acquired.get());
        assertEquals(1, maxHolders.get(), "never two holders at once");
        assertEquals(List.of(), clients.get(0).getChildren().forPath("/locks/one"), "no lock nodes left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void leaderLatchElectsOneAndHandsOverOnClose(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        LeaderLatch first = new LeaderLatch(client(server), "/leader", "first");
        LeaderLatch second = new LeaderLatch(client(server), "/leader", "second");
        first.start();
        assertTrue(first.await(WAIT_S, TimeUnit.SECONDS), "the first to start leads");
        second.start();
        assertTrue(eventually(() -> second.getParticipants().size() == 2), "both take part");
        assertEquals("first", second.getLeader().getId());
        assertTrue(!second.hasLeadership(), "only one leader");
        first.close();
        assertTrue(second.await(WAIT_S, TimeUnit.SECONDS), "leadership passes on when the leader leaves");
        assertEquals("second", second.getLeader().getId());
        second.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void doubleBarrierReleasesAllTogether(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        List<CuratorFramework> clients = List.of(client(server), client(server), client(server));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicInteger entered = new AtomicInteger();
        try {
            List<Future<Boolean>> left = new ArrayList<>();
            for (CuratorFramework client : clients) {
                left.add(pool.submit(() -> {
                    DistributedDoubleBarrier barrier = new DistributedDoubleBarrier(client, "/barrier", 3);
                    boolean in = barrier.enter(WAIT_S, TimeUnit.SECONDS);
                    if (in) {
                        entered.incrementAndGet();
                    }
                    return in && barrier.leave(WAIT_S, TimeUnit.SECONDS);
                }));
            }
            for (Future<Boolean> f : left) {
                assertTrue(f.get(WAIT_S * 2L, TimeUnit.SECONDS), "entered and left");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, entered.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void curatorCacheSeesCreatesUpdatesAndDeletes(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        CuratorFramework client = client(server);
        BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        CuratorCache cache = CuratorCache.build(client, "/cached");
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(node -> changes.add("created " + node.getPath()))
                .forChanges((before, after) -> changes.add("changed " + after.getPath() + " "
                        + new String(after.getData(), StandardCharsets.UTF_8)))
                .forDeletes(node -> changes.add("deleted " + node.getPath()))
                .build());
        toClose.add(cache);
        cache.start();
        client.create().forPath("/cached", new byte[0]);
        assertEquals("created /cached", changes.poll(WAIT_S, TimeUnit.SECONDS));
        client.create().forPath("/cached/a", "1".getBytes(StandardCharsets.UTF_8));
        assertEquals("created /cached/a", changes.poll(WAIT_S, TimeUnit.SECONDS));
        client.setData().forPath("/cached/a", "2".getBytes(StandardCharsets.UTF_8));
        assertEquals("changed /cached/a 2", changes.poll(WAIT_S, TimeUnit.SECONDS));
        client.delete().forPath("/cached/a");
        assertEquals("deleted /cached/a", changes.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(1, cache.size(), "only /cached is left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void sharedCountIsSeenByEveryClient(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        SharedCount one = new SharedCount(client(server), "/count", 0);
        SharedCount two = new SharedCount(client(server), "/count", 0);
        toClose.add(one);
        toClose.add(two);
        CountDownLatch twoSawFive = new CountDownLatch(1);
        two.addListener(new SharedCountListener() {
            @Override
            public void countHasChanged(SharedCountReader reader, int newCount) {
                if (newCount == 5) {
                    twoSawFive.countDown();
                }
            }

            @Override
            public void stateChanged(CuratorFramework client, ConnectionState state) {
            }
        });
        one.start();
        two.start();
        VersionedValue<Integer> seenByTwo = two.getVersionedValue();
        assertTrue(one.trySetCount(one.getVersionedValue(), 5), "the first set wins");
        assertTrue(!two.trySetCount(seenByTwo, 9), "a set from a stale version loses");
        assertTrue(twoSawFive.await(WAIT_S, TimeUnit.SECONDS), "the other client hears of the new value");
        assertEquals(5, two.getCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void distributedAtomicLongAddsUpConcurrentIncrements(String transport) throws Exception {
        InJvmMenagerie server = server(transport);
        List<CuratorFramework> clients = List.of(client(server), client(server), client(server));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int perClient = 20;
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (CuratorFramework client : clients) {
                done.add(pool.submit(() -> {
                    DistributedAtomicLong counter = new DistributedAtomicLong(client, "/counter",
                            new RetryNTimes(1000, 1));
                    int succeeded = 0;
                    for (int i = 0; i < perClient; i++) {
                        AtomicValue<Long> result = counter.increment();
                        if (result.succeeded()) {
                            succeeded++;
                        }
                    }
                    return succeeded;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(WAIT_S * 2L, TimeUnit.SECONDS);
            }
            assertEquals(3 * perClient, total, "every increment succeeded");
        } finally {
            pool.shutdownNow();
        }
        DistributedAtomicLong reader = new DistributedAtomicLong(clients.get(0), "/counter", new RetryNTimes(3, 10));
        assertEquals(3L * perClient, reader.get().postValue(), "no increment was lost");
    }
}
