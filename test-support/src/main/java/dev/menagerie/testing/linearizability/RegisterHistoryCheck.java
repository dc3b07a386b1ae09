package dev.menagerie.testing.linearizability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a history of many registers key by key (linearizability is local: the whole is linearizable exactly when
 * every key's part is), each register starting empty-valued (0) at version 0. Every key shares one time budget.
 */
public final class RegisterHistoryCheck {

    /** The verdict per key, and for each non-linearizable key the window to print. */
    public record Report(Map<String, LinearizabilityChecker.Verdict> verdicts, Map<String, List<RegisterOp>> windows,
            int opsChecked, long checkNs, long originNs) {

        public boolean allLinearizable() {
            return verdicts.values().stream().allMatch(v -> v == LinearizabilityChecker.Verdict.LINEARIZABLE);
        }

        public List<String> keysWith(LinearizabilityChecker.Verdict verdict) {
            return verdicts.entrySet().stream().filter(e -> e.getValue() == verdict).map(Map.Entry::getKey)
                    .toList();
        }

        /** A summary line, then each failing key's smallest window, one operation a line. */
        public String describe() {
            StringBuilder text = new StringBuilder(String.format("%d operations on %d keys checked in %d ms:"
                    + " %d not linearizable %s, %d unknown (search bounds reached) %s", opsChecked, verdicts.size(),
                    checkNs / 1_000_000, keysWith(LinearizabilityChecker.Verdict.NOT_LINEARIZABLE).size(),
                    keysWith(LinearizabilityChecker.Verdict.NOT_LINEARIZABLE),
                    keysWith(LinearizabilityChecker.Verdict.UNKNOWN).size(),
                    keysWith(LinearizabilityChecker.Verdict.UNKNOWN)));
            windows.forEach((key, window) -> text.append("\nsmallest non-linearizable window of ").append(key)
                    .append(" (").append(window.size()).append(" operations, register starts at 0, version 0):\n")
                    .append(window.stream().map(op -> "  " + op.describe(originNs))
                            .collect(Collectors.joining("\n"))));
            return text.toString();
        }
    }

    private RegisterHistoryCheck() {
    }

    /**
     * @param maxStepsPerKey search steps per key before its verdict is unknown
     * @param budgetNs time for the whole check; keys not finished by then are unknown
     * @param originNs where printed times start
     */
    public static Report check(List<RegisterOp> history, long maxStepsPerKey, long budgetNs, long originNs) {
        long startNs = System.nanoTime();
        LinearizabilityChecker checker = new LinearizabilityChecker(maxStepsPerKey, startNs + budgetNs);
        Map<String, List<RegisterOp>> byKey = history.stream().collect(Collectors.groupingBy(RegisterOp::key,
                TreeMap::new, Collectors.toCollection(ArrayList::new)));
        Map<String, LinearizabilityChecker.Verdict> verdicts = new LinkedHashMap<>();
        byKey.forEach((key, ops) -> verdicts.put(key, checker.check(ops, 0, 0)));
        long checkNs = System.nanoTime() - startNs;
        Map<String, List<RegisterOp>> windows = new LinkedHashMap<>();
        verdicts.forEach((key, verdict) -> {
            if (verdict == LinearizabilityChecker.Verdict.NOT_LINEARIZABLE) {
                windows.put(key, FailingWindow.of(byKey.get(key), 0, 0, maxStepsPerKey, budgetNs));
            }
        });
        return new Report(verdicts, windows, history.size(), checkNs, originNs);
    }
}
