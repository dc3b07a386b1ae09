package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionTimeoutBoundsTest {

    @Test
    void requestsAreClampedIntoTheBounds() {
        SessionTimeoutBounds bounds = new SessionTimeoutBounds(4000, 40_000);
        assertEquals(4000, bounds.negotiate(0));
        assertEquals(4000, bounds.negotiate(-30));
        assertEquals(15_000, bounds.negotiate(15_000));
        assertEquals(40_000, bounds.negotiate(Integer.MAX_VALUE));
    }

    @Test
    void crossedBoundsLetTheMaximumWinAsInApache() {
        SessionTimeoutBounds crossed = new SessionTimeoutBounds(10_000, 5000);
        assertEquals(5000, crossed.negotiate(1000));
        assertEquals(5000, crossed.negotiate(20_000));
    }
}
