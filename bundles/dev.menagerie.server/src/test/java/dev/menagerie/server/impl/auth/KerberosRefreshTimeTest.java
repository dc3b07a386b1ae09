package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When the server's Kerberos login is refreshed, after Apache's {@code Login} thread. */
class KerberosRefreshTimeTest {
    private static final long HOUR_MS = 3_600_000L;
    private static final long MINUTE_MS = 60_000L;

    @Test
    void atEightyPercentOfTheTicketsLife() {
        assertEquals(8 * HOUR_MS, KerberosLogin.refreshAt(0, 10 * HOUR_MS, HOUR_MS, 0.80, MINUTE_MS));
    }

    @Test
    void notSoonerThanTheMinimumTimeBetweenLogins() {
        assertEquals(9 * HOUR_MS, KerberosLogin.refreshAt(0, 10 * HOUR_MS, 8 * HOUR_MS, 0.80, HOUR_MS));
    }

    @Test
    void atOnceWhenTheMinimumWouldOutliveTheTicket() {
        assertEquals(9 * HOUR_MS + 30 * MINUTE_MS,
                KerberosLogin.refreshAt(0, 10 * HOUR_MS, 9 * HOUR_MS + 30 * MINUTE_MS, 0.80, HOUR_MS));
    }

    @Test
    void atOnceWhenTheWindowLiesPastTheExpiry() {
        assertEquals(HOUR_MS, KerberosLogin.refreshAt(0, 10 * HOUR_MS, HOUR_MS, 1.5, MINUTE_MS));
    }
}
