package dev.menagerie.server.impl.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The facts of Apache's BlueThrottleTest and BlueThrottle, on a clock and a random source the test moves. */
class ConnectionThrottleTest {

    private final AtomicLong clockMs = new AtomicLong(1_000);
    /** Like Apache's test random: alternately 1 and 0 once drops are possible, so half of the draws drop. */
    private boolean lastDrawWasOne;
    private ConnectionThrottle throttle;

    private ConnectionThrottle throttle(String... keysAndValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(ThrottleSettings.PREFIX + keysAndValues[i], keysAndValues[i + 1]);
        }
        throttle = new ConnectionThrottle(ThrottleSettings.read(settings::get), clockMs::get, this::draw);
        return throttle;
    }

    private double draw() {
        if (throttle.dropProbability() == 0) {
            return 1;
        }
        lastDrawWasOne = !lastDrawWasOne;
        return lastDrawWasOne ? 1 : 0;
    }

    private int admitted(int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            admitted += throttle.tryAcquire(1) ? 1 : 0;
        }
        return admitted;
    }

    @Test
    void offByDefault() {
        throttle();
        assertEquals(1000, admitted(1000));
        assertEquals(0, throttle.deficit());
    }

    @Test
    void anEmptyBucketRefusesUntilItRefills() {
        throttle("tokens", "1", "fill_time", "500");
        assertTrue(throttle.tryAcquire(1));
        assertFalse(throttle.tryAcquire(1));
        assertEquals(1, throttle.deficit());
        clockMs.addAndGet(500);
        assertFalse(throttle.tryAcquire(1), "a refill needs more than fill_time to have passed");
        clockMs.addAndGet(250);
        assertTrue(throttle.tryAcquire(1));
    }

    @Test
    void theRefillIsProportionalAndCappedAtTheBucket() {
        throttle("tokens", "10", "fill_time", "100", "fill_count", "2");
        assertEquals(10, admitted(20));
        clockMs.addAndGet(250);
        assertEquals(5, admitted(20), "250 ms at 2 tokens per 100 ms");
        clockMs.addAndGet(60_000);
        assertEquals(10, admitted(20), "never more than the bucket holds");
    }

    @Test
    void withoutAFreezeTimeThereAreNoRandomDrops() {
        throttle("tokens", "5", "fill_count", "5", "fill_time", "1000");
        assertEquals(5, admitted(5));
        clockMs.addAndGet(110);
        assertFalse(throttle.tryAcquire(1));
        assertEquals(0.0, throttle.dropProbability());
        clockMs.addAndGet(1500);
        assertEquals(5, admitted(10), "the first five pass, the next five find the bucket empty");
    }

    @Test
    void blueRaisesTheDropProbabilityWhileTheBucketIsDryAndLowersItWhenIdle() {
        throttle("tokens", "5", "fill_count", "5", "fill_time", "1000", "freeze_time", "100",
                "drop_increase", "0.5", "drop_decrease", "0.25", "decrease_ratio", "0.2");
        assertEquals(5, admitted(5));
        clockMs.addAndGet(120);
        assertFalse(throttle.tryAcquire(1));
        assertEquals(0.5, throttle.dropProbability(), "raised once the freeze time passed with the bucket empty");
        clockMs.addAndGet(1100);
        // The refilled bucket is in use below decrease_ratio: the first attempt lowers the probability to 0.25,
        // and every other draw (0, 1, 0, 1, 0 after the 1 drawn above) drops a connection though tokens are left.
        assertEquals(2, admitted(5));
        assertEquals(0.25, throttle.dropProbability(), "lowered once the freeze time passed with the bucket idle");
        assertEquals(2, throttle.deficit(), "dropped connections take no tokens");
        clockMs.addAndGet(2000);
        assertTrue(throttle.tryAcquire(1));
        assertEquals(0.0, throttle.dropProbability(), "lowered again, never below 0");
    }

    @Test
    void weightsScaleTheBucketAndChargeNewSessionsMoreThanReconnections() {
        ThrottleSettings weighed = throttle("tokens", "2", "weight_enabled", "true").settings();
        assertEquals(6, weighed.maxTokens(), "tokens count global sessions of weight 3");
        assertEquals(3, weighed.tokensFor(0));
        assertEquals(2, weighed.tokensFor(0x1234L));
        assertTrue(throttle.tryAcquire(weighed.tokensFor(0)));
        assertTrue(throttle.tryAcquire(weighed.tokensFor(7)));
        assertFalse(throttle.tryAcquire(weighed.tokensFor(0)), "one token left, a new session takes three");
        assertTrue(throttle.tryAcquire(1));
        assertEquals(1, throttle("tokens", "2").settings().tokensFor(0), "unweighed, every connection takes one");
    }

    @Test
    void invalidWeightsFallBackAsInApache() {
        ThrottleSettings settings = throttle("global_session_weight", "0", "local_session_weight", "-1",
                "renew_session_weight", "1").settings();
        assertEquals(3, settings.globalWeight());
        assertEquals(1, settings.localWeight());
        assertEquals(1, settings.renewWeight());
        settings = throttle("global_session_weight", "2", "local_session_weight", "4",
                "renew_session_weight", "3").settings();
        assertEquals(4, settings.globalWeight(), "raised to the local weight");
        assertEquals(4, settings.renewWeight(), "raised to the local weight");
    }

    @Test
    void aValueThatIsNotANumberOrAZeroFillTimeStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> throttle("tokens", "many"));
        assertTrue(e.getMessage().contains("connection_throttle_tokens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> throttle("tokens", "5", "fill_time", "0"));
        assertTrue(e.getMessage().contains("connection_throttle_fill_time"), e.getMessage());
    }
}
