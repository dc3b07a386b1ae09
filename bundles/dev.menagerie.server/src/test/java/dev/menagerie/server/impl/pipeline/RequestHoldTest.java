package dev.menagerie.server.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.Await;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A leadership transfer holds the prep stage between requests: no zxid is given until released or aborted. */
@Timeout(30)
class RequestHoldTest {

    private final AtomicLong lastZxid = new AtomicLong(7);
    private final RequestHold hold = new RequestHold(lastZxid::get);

    @Test
    void anIdleStageIsHeldAtOnceAndTheNextRequestWaitsForTheRelease() throws Exception {
        assertEquals(7L, hold.hold().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(hold.hold().toCompletableFuture().isCompletedExceptionally(), "one caller owns the hold");
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(this::enter);
        Await.nothingWithin("a held request is prepared", Duration.ofMillis(200), next::isDone);
        hold.release();
        assertTrue(next.get(5, TimeUnit.SECONDS), "released: the request is prepared");
    }

    @Test
    void aHoldTakesEffectOnlyAfterTheRequestBeingPrepared() throws Exception {
        assertTrue(hold.enter());
        CompletableFuture<Long> held = hold.hold().toCompletableFuture();
        assertFalse(held.isDone(), "a request is being prepared");
        lastZxid.set(8);
        hold.exit();
        assertEquals(8L, held.get(5, TimeUnit.SECONDS), "the zxid the request got is the last one given");
    }

    @Test
    void abortingLetsAWaitingRequestGoUnprepared() throws Exception {
        hold.hold().toCompletableFuture().get(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(this::enter);
        Await.nothingWithin("a held request is prepared", Duration.ofMillis(200), waiting::isDone);
        hold.abort();
        assertFalse(waiting.get(5, TimeUnit.SECONDS), "dropped, like every queued request of an aborted stage");
        assertTrue(hold.hold().toCompletableFuture().isCompletedExceptionally(), "no hold after the stage stopped");
    }

    private boolean enter() {
        try {
            return hold.enter();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
