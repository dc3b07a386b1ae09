package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {

    @Test
    void unsetBoundsDefaultToTwoAndTwentyTicks() {
        assertEquals(new SessionTimeouts(4000, 40_000), SessionTimeouts.of(2000, SessionTimeouts.UNSET, SessionTimeouts.UNSET));
        assertEquals(new SessionTimeouts(1000, 40_000), SessionTimeouts.of(2000, 1000, SessionTimeouts.UNSET));
    }

    @Test
    void requestsAreClampedIntoTheBounds() {
        SessionTimeouts bounds = SessionTimeouts.of(2000, SessionTimeouts.UNSET, SessionTimeouts.UNSET);
        assertEquals(4000, bounds.negotiate(0));
        assertEquals(4000, bounds.negotiate(-30));
        assertEquals(15_000, bounds.negotiate(15_000));
        assertEquals(40_000, bounds.negotiate(Integer.MAX_VALUE));
    }

    @Test
    void crossedBoundsLetTheMaximumWinAsInApache() {
        SessionTimeouts crossed = new SessionTimeouts(10_000, 5000);
        assertEquals(5000, crossed.negotiate(1000));
        assertEquals(5000, crossed.negotiate(20_000));
    }
}
