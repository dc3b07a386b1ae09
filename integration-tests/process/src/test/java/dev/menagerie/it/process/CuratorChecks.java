package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** Curator recipes from two independent clients on one connect string: leader latch, mutex, cache. */
final class CuratorChecks {

    private static final long WAIT_SECONDS = 30;

    private CuratorChecks() {
    }

    static void run(String connectString, String root) throws Exception {
        try (CuratorFramework first = started(connectString); CuratorFramework second = started(connectString)) {
            leaderLatch(first, second, root + "/latch");
            mutex(first, second, root + "/lock");
            cache(first, second, root + "/cache");
        }
    }

    private static CuratorFramework started(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, 30_000, 15_000,
                new ExponentialBackoffRetry(100, 10, 2_000));
        client.start();
        assertTrue(client.blockUntilConnected((int) WAIT_SECONDS, TimeUnit.SECONDS),
                "Curator did not connect to " + connectString);
        return client;
    }

    /** One of two latches leads; when it closes, the other takes over. */
    private static void leaderLatch(CuratorFramework first, CuratorFramework second, String path) throws Exception {
        LeaderLatch a = new LeaderLatch(first, path, "a");
        LeaderLatch b = new LeaderLatch(second, path, "b");
        try {
            a.start();
            assertTrue(a.await(WAIT_SECONDS, TimeUnit.SECONDS), "the only latch did not become leader");
            b.start();
            assertFalse(b.await(1, TimeUnit.SECONDS), "a second latch became leader while the first leads");
            a.close();
            assertTrue(b.await(WAIT_SECONDS, TimeUnit.SECONDS), "the second latch did not take over");
            assertEquals("b", b.getLeader().getId());
        } finally {
            closeIfStarted(a);
            closeIfStarted(b);
        }
    }

    private static void closeIfStarted(LeaderLatch latch) throws Exception {
        if (latch.getState() == LeaderLatch.State.STARTED) {
            latch.close();
        }
    }

    /** A held mutex keeps the other client out until it is released. */
    private static void mutex(CuratorFramework first, CuratorFramework second, String path) throws Exception {
        InterProcessMutex held = new InterProcessMutex(first, path);
        InterProcessMutex waiting = new InterProcessMutex(second, path);
        assertTrue(held.acquire(WAIT_SECONDS, TimeUnit.SECONDS), "first client could not take a free lock");
        assertFalse(waiting.acquire(1, TimeUnit.SECONDS), "second client took a held lock");
        held.release();
        assertTrue(waiting.acquire(WAIT_SECONDS, TimeUnit.SECONDS), "second client could not take a released lock");
        waiting.release();
    }

    /** Nodes one client creates appear, with their data, in the other client's cache. */
    private static void cache(CuratorFramework first, CuratorFramework second, String path) throws Exception {
        first.create().creatingParentsIfNeeded().forPath(path);
        try (CuratorCache cache = CuratorCache.build(second, path)) {
            cache.start();
            for (int i = 0; i < 3; i++) {
                first.create().forPath(path + "/n" + i, ("value " + i).getBytes(StandardCharsets.UTF_8));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (cache.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(4, cache.size(), "the cache should hold the parent and 3 children");
            for (int i = 0; i < 3; i++) {
                Optional<ChildData> child = cache.get(path + "/n" + i);
                assertTrue(child.isPresent(), "child " + i + " missing from the cache");
                assertArrayEquals(("value " + i).getBytes(StandardCharsets.UTF_8), child.get().getData());
            }
        }
    }
}
