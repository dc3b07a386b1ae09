package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class SessionTrackerTest {
    private static final int TICK_MS = 2000;

    private final SessionTracker tracker = new SessionTracker(TICK_MS, new SessionIdGenerator(1, 1_000_000L), 0);

    @Test
    void newSessionsGetConsecutiveIdsAndAreActive() {
        long first = tracker.createSession(4000, 0);
        long second = tracker.createSession(6000, 0);
        assertEquals(first + 1, second);
        assertEquals(1, first >>> 56, "server id in the high byte");
        assertEquals(SessionState.ACTIVE, tracker.state(first));
        assertEquals(Map.of(first, 4000, second, 6000), tracker.sessionTimeouts());
        assertEquals(2, tracker.sessionCount());
    }

    @Test
    void aSessionExpiresAtTheTickAfterItsTimeoutUnlessTouched() {
        long idle = tracker.createSession(4000, 0);
        long busy = tracker.createSession(4000, 0);
        assertTrue(tracker.touch(busy, 4000, 3000));
        assertEquals(List.of(), tracker.expired(5999));
        assertEquals(List.of(idle), tracker.expired(6000));
        assertEquals(SessionState.CLOSING, tracker.state(idle));
        assertEquals(List.of(busy), tracker.expired(8000));
    }

    @Test
    void expiredCatchesUpAfterALongPause() {
        long a = tracker.createSession(4000, 0);
        long b = tracker.createSession(20_000, 0);
        assertEquals(List.of(a, b), tracker.expired(1_000_000));
        assertTrue(tracker.waitTimeMs(1_000_000) > 0, "caught up: the next bucket is in the future");
    }

    @Test
    void touchFailsForUnknownAndClosingSessions() {
        long id = tracker.createSession(4000, 0);
        assertFalse(tracker.touch(id + 100, 4000, 10));
        tracker.setClosing(id);
        assertFalse(tracker.touch(id, 4000, 10));
        assertFalse(tracker.touch(id, 10));
    }

    @Test
    void removedSessionsAreForgottenAndNeverExpire() {
        long id = tracker.createSession(4000, 0);
        tracker.remove(id);
        assertEquals(SessionState.UNKNOWN, tracker.state(id));
        assertEquals(List.of(), tracker.expired(100_000));
        assertEquals(Map.of(), tracker.sessionTimeouts());
    }

    @Test
    void restoredSessionsExpireFromTheRestoreTime() {
        assertTrue(tracker.addSession(0x42L, 10_000, 50_000));
        assertEquals(List.of(), tracker.expired(59_999));
        assertEquals(List.of(0x42L), tracker.expired(62_000));
    }

    @Test
    void reAddingATrackedSessionKeepsItsTimeoutButUsesTheNewOneForExpiryAsApache() {
        assertTrue(tracker.addSession(0x42L, 10_000, 50_000));
        assertFalse(tracker.addSession(0x42L, 99_000, 50_000));
        assertEquals(OptionalInt.of(10_000), tracker.timeoutMs(0x42L));
        assertEquals(Map.of(150_000L, List.of(0x42L)), tracker.sessionExpiryMap());
    }

    @Test
    void reconnectTimeoutMovesExpiryButNotTheStoredTimeout() {
        long id = tracker.createSession(4000, 0);
        assertTrue(tracker.touch(id, 30_000, 1000));
        assertEquals(List.of(), tracker.expired(10_000));
        assertEquals(OptionalInt.of(4000), tracker.timeoutMs(id));
        assertEquals(Map.of(32_000L, List.of(id)), tracker.sessionExpiryMap());
    }
}
