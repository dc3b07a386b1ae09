package dev.menagerie.election.priority.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityTableTest {

    @Test
    void readsOnlyPriorityLinesAndRanksUnlistedServersAtZero() {
        Map<String, String> zooCfg = new LinkedHashMap<>();
        zooCfg.put("server.1", "a:2888:3888");
        zooCfg.put("electionPriority.1", "10");
        zooCfg.put("electionPriority.3", " 5 ");
        zooCfg.put("electionPriorityX", "7");
        PriorityTable table = PriorityTable.from(zooCfg);
        assertEquals(Map.of(1L, 10, 3L, 5), table.priorityById());
        assertEquals(10, table.priorityOf(1));
        assertEquals(0, table.priorityOf(2));
        assertEquals("electionPriority.1=10, electionPriority.3=5", table.toString());
    }

    @Test
    void comparesByPriorityAndLeavesEqualRanksToTheServerIds() {
        PriorityTable table = PriorityTable.from(Map.of("electionPriority.1", "10", "electionPriority.2", "10"));
        assertTrue(table.compare(1, 3) > 0, "1 outranks 3");
        assertTrue(table.compare(3, 1) < 0, "antisymmetric");
        assertEquals(0, table.compare(1, 2), "equal ranks: the ids decide");
        assertEquals(0, table.compare(3, 4), "unlisted servers rank alike");
    }

    @Test
    void anEmptyTableIsApachesOrderAndSaysSo() {
        PriorityTable table = PriorityTable.from(Map.of());
        assertEquals(0, table.compare(1, 5));
        assertEquals("no electionPriority.N lines (every server 0)", table.toString());
    }

    @Test
    void refusesWhatTheConfigBundleWouldHaveRefused() {
        assertEquals("electionPriority.1: expected an integer of at least 0, got \"high\"",
                assertThrows(IllegalArgumentException.class,
                        () -> PriorityTable.from(Map.of("electionPriority.1", "high"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriorityTable.from(Map.of("electionPriority.1", "-2")));
    }
}
