package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationBackoffTest {

    @Test
    void doublesFromTheMinimumUpToTheMaximum() {
        NotificationBackoff backoff = new NotificationBackoff(200, 60_000);
        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            intervals.add(backoff.intervalMs());
            backoff.expired();
        }
        assertEquals(List.of(200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 51200L, 60000L, 60000L, 60000L),
                intervals);
    }
}
