package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RoleLoopTest {

    private static final long TICK_MS = 10;

    /** A full queue holds its producer back until the loop makes room; every event still runs, in order. */
    @Test
    void aProducerWaitsWhileTheQueueIsFullAndNoEventIsLost() throws Exception {
        RoleLoop loop = new RoleLoop(TICK_MS, () -> { }, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        loop.post(() -> await(release));
        loop.post(() -> ran.add(1));
        CompletableFuture<String> end = runLoop(loop);
        loop.post(() -> ran.add(2));
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            loop.post(() -> ran.add(3));
            loop.post(() -> loop.finish("done"));
        });
        assertFalse(waitFor(producer, 300), "the queue is full while the first event blocks: the producer waits");
        release.countDown();
        producer.get(10, TimeUnit.SECONDS);
        assertEquals("done", end.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2, 3), ran);
    }

    /** The loop's own thread never waits on its full queue: it would wait for itself forever. */
    @Test
    void theLoopThreadPostsPastTheBoundWithoutWaiting() throws Exception {
        RoleLoop loop = new RoleLoop(TICK_MS, () -> { }, 1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        loop.post(() -> {
            for (int i = 0; i < 5; i++) {
                int n = i;
                loop.post(() -> ran.add(n));
            }
            loop.post(() -> loop.finish("done"));
        });
        assertEquals("done", runLoop(loop).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
    }

    /** A storage thread reporting a finished write never waits, even on a full queue, and its report runs first. */
    @Test
    void aCompletionNeverWaitsForRoomAndRunsBeforeQueuedEvents() throws Exception {
        RoleLoop loop = new RoleLoop(TICK_MS, () -> { }, 1);
        List<String> ran = new CopyOnWriteArrayList<>();
        loop.post(() -> ran.add("queued"));
        CompletableFuture<Void> storage = CompletableFuture.runAsync(() -> loop.postCompletion(() -> ran.add("logged")));
        storage.get(10, TimeUnit.SECONDS);
        loop.postCompletion(() -> loop.finish("done"));
        assertEquals("done", runLoop(loop).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("logged"), ran, "completions run before queued events; the loop ended after them");
    }

    /** A producer waiting on a loop that finished gives up instead of hanging: the event could never run. */
    @Test
    void aProducerWaitingOnAFinishedLoopReturns() throws Exception {
        RoleLoop loop = new RoleLoop(TICK_MS, () -> { }, 1);
        loop.post(() -> { });
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> loop.post(() -> { }));
        assertFalse(waitFor(producer, 200), "the queue is full and nobody drains it");
        loop.finish("stopped");
        producer.get(10, TimeUnit.SECONDS);
        assertTrue(loop.finished());
    }

    private static CompletableFuture<String> runLoop(RoleLoop loop) {
        CompletableFuture<String> end = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                end.complete(loop.run());
            } catch (InterruptedException e) {
                end.completeExceptionally(e);
            }
        }, "test-role-loop");
        thread.setDaemon(true);
        thread.start();
        return end;
    }

    private static boolean waitFor(CompletableFuture<?> future, long ms) throws Exception {
        try {
            future.get(ms, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
