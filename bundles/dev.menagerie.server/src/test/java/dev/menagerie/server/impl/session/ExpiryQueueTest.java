package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.zookeeper.common.Time;
import org.junit.jupiter.api.Test;

class ExpiryQueueTest {
    private static final int TICK_MS = 2000;

    @Test
    void expiryIsRoundedUpToTheNextTick() {
        ExpiryQueue<String> queue = new ExpiryQueue<>(TICK_MS, 0);
        assertEquals(OptionalLong.of(6000), queue.update("a", 5000, 100));
        assertEquals(OptionalLong.of(8000), queue.update("b", 4000, 2000), "an exact multiple still rounds up");
        assertEquals(Map.of(6000L, Set.of("a"), 8000L, Set.of("b")), queue.expiryMap());
    }

    @Test
    void updateWithinTheSameBucketReportsNoChange() {
        ExpiryQueue<String> queue = new ExpiryQueue<>(TICK_MS, 0);
        queue.update("a", 5000, 100);
        assertEquals(OptionalLong.empty(), queue.update("a", 5000, 900));
        assertEquals(OptionalLong.of(8000), queue.update("a", 5000, 2100));
        assertEquals(Map.of(8000L, Set.of("a")), queue.expiryMap(), "the old bucket no longer holds it");
    }

    @Test
    void pollReturnsNothingBeforeTheNextTickAndOneBucketPerCallAfter() {
        ExpiryQueue<String> queue = new ExpiryQueue<>(TICK_MS, 500);
        queue.update("a", 1000, 500);
        queue.update("b", 3000, 500);
        assertEquals(1500, queue.waitTimeMs(500));
        assertEquals(Set.of(), queue.poll(1999));
        assertEquals(Set.of("a"), queue.poll(2000));
        assertEquals(Set.of("b"), queue.poll(10_000), "a late caller gets the next bucket, not all of them");
        assertEquals(0, queue.waitTimeMs(10_000), "and is told to poll again");
        assertEquals(Set.of(), queue.poll(10_000));
    }

    @Test
    void removedElementsDoNotExpire() {
        ExpiryQueue<String> queue = new ExpiryQueue<>(TICK_MS, 0);
        queue.update("a", 1000, 0);
        assertEquals(OptionalLong.of(2000), queue.remove("a"));
        assertEquals(OptionalLong.empty(), queue.remove("a"));
        assertEquals(Set.of(), queue.poll(2000));
    }

    @Test
    void polledElementsStayKnownUntilRemovedAsInApache() {
        ExpiryQueue<String> queue = new ExpiryQueue<>(TICK_MS, 0);
        queue.update("a", 1000, 0);
        assertEquals(Set.of("a"), queue.poll(2000));
        assertEquals(OptionalLong.of(2000), queue.expiryTimeMs("a"));
        assertEquals(OptionalLong.of(2000), queue.remove("a"));
        assertEquals(0, queue.size());
    }

    @Test
    void bucketsMatchApachesQueueForTheSameTimeouts() {
        int intervalMs = 3_600_000;
        org.apache.zookeeper.server.ExpiryQueue<String> apache = new org.apache.zookeeper.server.ExpiryQueue<>(intervalMs);
        int[] timeoutsMs = {0, 1, 4000, 3_599_999, 3_600_000, 7_000_000, 40_000_000};
        for (int i = 0; i < timeoutsMs.length; i++) {
            long beforeMs = Time.currentElapsedTime();
            Long apacheExpiry = apache.update("e" + i, timeoutsMs[i]);
            long afterMs = Time.currentElapsedTime();
            ExpiryQueue<String> ours = new ExpiryQueue<>(intervalMs, beforeMs);
            long ourBefore = ours.roundToNextInterval(beforeMs + timeoutsMs[i]);
            assumeTrue(ourBefore == ours.roundToNextInterval(afterMs + timeoutsMs[i]), "clock crossed a bucket edge");
            assertEquals(ourBefore, apacheExpiry.longValue(), "timeout " + timeoutsMs[i]);
            assertTrue(apache.getExpiryMap().get(apacheExpiry).contains("e" + i));
        }
    }
}
