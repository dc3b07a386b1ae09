package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.zookeeper.common.Time;
import org.apache.zookeeper.server.SessionTrackerImpl;
import org.junit.jupiter.api.Test;

class SessionIdGeneratorTest {

    @Test
    void serverIdOwnsTheHighByteEvenForTimestampsWithTheTopBitSet() {
        long nowMs = 0xFFFF_FFFF_FFFFL;
        for (long serverId = 1; serverId <= 254; serverId++) {
            long id = SessionIdGenerator.initialId(serverId, nowMs);
            assertEquals(serverId, id >>> 56, "server id byte of 0x" + Long.toHexString(id));
            assertEquals(0, id & 0xFFFF, "low two bytes start at zero");
        }
    }

    @Test
    void standaloneIdsArePositiveAndCarryFiveTimestampBytes() {
        long nowMs = 1_700_000_000_000L;
        long id = SessionIdGenerator.initialId(0, nowMs);
        assertTrue(id > 0);
        assertEquals(nowMs & 0xFF_FFFF_FFFFL, id >>> 16);
    }

    @Test
    void idsIncrementFromTheInitialOne() {
        SessionIdGenerator generator = new SessionIdGenerator(3, 12_345L);
        long first = generator.next();
        assertEquals(SessionIdGenerator.initialId(3, 12_345L), first);
        assertEquals(first + 1, generator.next());
        assertEquals(first + 2, generator.peek());
    }

    @Test
    void neverHandsOutTheContainerOwnerMarker() {
        long id = SessionIdGenerator.initialId(128, 0);
        assertEquals(Long.MIN_VALUE + 1, id);
    }

    @Test
    void matchesApacheForTheSameClockReading() {
        for (long serverId : new long[] {0, 1, 7, 200, 254}) {
            long beforeMs = Time.currentElapsedTime();
            long apache = SessionTrackerImpl.initializeNextSessionId(serverId);
            long afterMs = Time.currentElapsedTime();
            boolean matched = false;
            for (long nowMs = beforeMs; nowMs <= afterMs && !matched; nowMs++) {
                matched = SessionIdGenerator.initialId(serverId, nowMs) == apache;
            }
            assertTrue(matched, "no clock reading in [" + beforeMs + "," + afterMs + "] gives Apache's 0x"
                    + Long.toHexString(apache));
        }
    }
}
