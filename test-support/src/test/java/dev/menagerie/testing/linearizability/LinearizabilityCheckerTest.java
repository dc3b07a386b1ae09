package dev.menagerie.testing.linearizability;

import static dev.menagerie.testing.linearizability.RegisterOp.Outcome.FAILED;
import static dev.menagerie.testing.linearizability.RegisterOp.Outcome.OK;
import static dev.menagerie.testing.linearizability.RegisterOp.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.linearizability.LinearizabilityChecker.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known linearizable and non-linearizable register histories; times are in arbitrary units. */
class LinearizabilityCheckerTest {

    private static final String K = "/r";

    private static Verdict verdictOf(List<RegisterOp> history) {
        return new LinearizabilityChecker(1_000_000, System.nanoTime() + 10_000_000_000L).check(history, 0, 0);
    }

    @Test
    void sequentialReadsWritesAndCompareAndSetsAreLinearizable() {
        assertEquals(Verdict.LINEARIZABLE, verdictOf(List.of(
                RegisterOp.write(1, K, 1, 0, 1, OK, 1),
                RegisterOp.read(2, K, 2, 3, 1, 1),
                RegisterOp.cas(1, K, 1, 2, 4, 5, OK, 2),
                RegisterOp.cas(2, K, 1, 3, 6, 7, FAILED, 0),
                RegisterOp.read(3, K, 8, 9, 2, 2))));
    }

    @Test
    void readsConcurrentWithAWriteMaySeeEitherValueButNeverGoBack() {
        RegisterOp write = RegisterOp.write(1, K, 1, 0, 10, OK, 1);
        assertEquals(Verdict.LINEARIZABLE, verdictOf(List.of(write,
                RegisterOp.read(2, K, 1, 2, 0, 0),
                RegisterOp.read(2, K, 3, 4, 1, 1))));
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(write,
                RegisterOp.read(2, K, 1, 2, 1, 1),
                RegisterOp.read(3, K, 3, 4, 0, 0))));
    }

    @Test
    void anUnansweredWriteMayTakeEffectLongAfterItsInvocationOrNever() {
        RegisterOp lost = RegisterOp.write(1, K, 1, 0, 0, UNKNOWN, 0);
        assertEquals(Verdict.LINEARIZABLE, verdictOf(List.of(lost,
                RegisterOp.read(2, K, 50, 51, 0, 0),
                RegisterOp.read(2, K, 100, 101, 1, 1))));
        assertEquals(Verdict.LINEARIZABLE, verdictOf(List.of(lost, RegisterOp.read(2, K, 100, 101, 0, 0))));
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(lost,
                RegisterOp.read(2, K, 50, 51, 1, 1),
                RegisterOp.read(2, K, 100, 101, 0, 0))), "once seen, an unanswered write cannot be undone");
    }

    @Test
    void anUnansweredCompareAndSetMayHaveFailed() {
        assertEquals(Verdict.LINEARIZABLE, verdictOf(List.of(
                RegisterOp.cas(1, K, 0, 5, 0, 0, UNKNOWN, 0),
                RegisterOp.write(2, K, 7, 10, 11, OK, 1),
                RegisterOp.read(2, K, 12, 13, 7, 1))));
    }

    @Test
    void aStaleReadIsNotLinearizable() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(
                RegisterOp.write(1, K, 1, 0, 1, OK, 1),
                RegisterOp.write(1, K, 2, 2, 3, OK, 2),
                RegisterOp.read(2, K, 4, 5, 1, 1))));
    }

    @Test
    void aLostAcknowledgedWriteIsNotLinearizable() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(
                RegisterOp.write(1, K, 1, 0, 1, OK, 1),
                RegisterOp.read(2, K, 2, 3, 0, 0))));
    }

    @Test
    void twoCompareAndSetsSucceedingOnOneVersionAreNotLinearizable() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(
                RegisterOp.cas(1, K, 0, 1, 0, 10, OK, 1),
                RegisterOp.cas(2, K, 0, 2, 0, 10, OK, 1))), "concurrent");
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(List.of(
                RegisterOp.cas(1, K, 0, 1, 0, 1, OK, 1),
                RegisterOp.cas(2, K, 0, 2, 2, 3, OK, 1))), "one after the other");
    }

    @Test
    void aSearchPastItsBoundsIsUnknownNotAHang() {
        List<RegisterOp> manyConcurrentWrites = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            manyConcurrentWrites.add(RegisterOp.write(i, K, i, 0, 0, UNKNOWN, 0));
        }
        // Version 41 after 40 writes is impossible, but only trying every subset of the writes proves it.
        manyConcurrentWrites.add(RegisterOp.read(99, K, 2_000, 2_001, 1, 41));
        assertEquals(Verdict.UNKNOWN, new LinearizabilityChecker(10_000, Long.MAX_VALUE)
                .check(manyConcurrentWrites, 0, 0));
        long startNs = System.nanoTime();
        assertEquals(Verdict.UNKNOWN, new LinearizabilityChecker(Long.MAX_VALUE, startNs + 200_000_000L)
                .check(manyConcurrentWrites, 0, 0));
        long tookMs = (System.nanoTime() - startNs) / 1_000_000;
        assertTrue(tookMs < 2_000, "a 200 ms deadline took " + tookMs + " ms");
    }

    @Test
    void keysAreCheckedSeparatelyAndOnlyTheBrokenOneFails() {
        List<RegisterOp> history = List.of(
                RegisterOp.write(1, "/a", 1, 0, 1, OK, 1),
                RegisterOp.read(2, "/b", 2, 3, 0, 0),
                RegisterOp.write(1, "/b", 2, 4, 5, OK, 1),
                RegisterOp.read(2, "/b", 6, 7, 0, 0));
        RegisterHistoryCheck.Report report = RegisterHistoryCheck.check(history, 100_000, 5_000_000_000L, 0);
        assertFalse(report.allLinearizable());
        assertEquals(List.of("/b"), report.keysWith(Verdict.NOT_LINEARIZABLE));
        assertEquals(List.of("/a"), report.keysWith(Verdict.LINEARIZABLE));
        System.out.println(report.describe());
        assertTrue(report.describe().contains("smallest non-linearizable window of /b (2 operations"),
                report.describe());
    }

    @Test
    void theFailingWindowIsTheStaleReadAndTheWritesItNeedsNotTheWholeHistory() {
        List<RegisterOp> history = new ArrayList<>();
        long t = 0;
        for (int value = 1; value <= 100; value++) {
            history.add(RegisterOp.write(1, K, value, t, t + 5, OK, value));
            history.add(RegisterOp.read(2, K, t + 2, t + 8, value, value));
            t += 10;
        }
        RegisterOp stale = RegisterOp.read(3, K, t, t + 1, 42, 42);
        history.add(stale);
        for (int value = 101; value <= 150; value++) {
            history.add(RegisterOp.write(1, K, value, t + 10 * value, t + 10 * value + 5, OK, value));
        }
        assertEquals(Verdict.NOT_LINEARIZABLE, verdictOf(history));
        List<RegisterOp> window = FailingWindow.of(history, 0, 0, 1_000_000, 10_000_000_000L);
        window.forEach(op -> System.out.println(op.describe(0)));
        assertTrue(window.contains(stale), "the stale read is in the window");
        assertTrue(window.stream().anyMatch(op -> op.stores(42)), "so is the write of 42");
        assertTrue(window.stream().noneMatch(op -> op.invokeNs() > stale.completeNs()), "nothing after it");
        assertEquals(3, window.size(), "the write of 42, one later write and the stale read");
    }
}
