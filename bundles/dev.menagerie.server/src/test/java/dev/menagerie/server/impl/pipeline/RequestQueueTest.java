package dev.menagerie.server.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestQueueTest {

    private static Request request(int xid) {
        return new Request(null, 1, xid, 0, new byte[0], List.of());
    }

    @Test
    void aFullInboxRefusesOffersAndMakesStagesWaitUntilItsThreadTakesOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Integer> handled = new LinkedBlockingQueue<>();
        RequestQueue queue = new RequestQueue(request -> {
            handled.add(request.xid());
            awaitQuietly(release);
        }, 2);
        assertTrue(queue.offer(request(1)));
        assertTrue(queue.offer(request(2)));
        assertFalse(queue.offer(request(3)), "a third request got into an inbox of two");

        Thread thread = new Thread(queue);
        thread.start();
        assertEquals(1, handled.poll(10, TimeUnit.SECONDS));
        // The thread took request 1 and is busy with it: one place is free again, and only one.
        assertTrue(queue.offer(request(4)));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> putQuietly(queue, request(5)));
        assertFalse(queue.offer(request(6)));
        release.countDown();
        assertTrue(waiting.get(10, TimeUnit.SECONDS), "a stage waiting for room was never let in");
        queue.stop();
        thread.join(10_000);
        assertEquals(List.of(2, 4, 5), List.copyOf(handled));
    }

    @Test
    void aStageWaitingForRoomIsLetGoOnceTheThreadEnds() throws Exception {
        RequestQueue queue = new RequestQueue(request -> { }, 1);
        assertTrue(queue.offer(request(1)));
        queue.abort();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> putQuietly(queue, request(2)));
        Thread thread = new Thread(queue);
        thread.start();
        thread.join(10_000);
        assertFalse(thread.isAlive());
        // Either it got in before the stop marker was taken, or it was turned away; it never hangs.
        waiting.get(10, TimeUnit.SECONDS);
        assertFalse(queue.offer(request(3)), "an ended stage accepted a request");
    }

    private static boolean putQuietly(RequestQueue queue, Request request) {
        try {
            return queue.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
