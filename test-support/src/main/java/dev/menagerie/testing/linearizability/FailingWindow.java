package dev.menagerie.testing.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The smallest part of one key's non-linearizable history that is still not linearizable, to print: first the
 * shortest prefix (cut at an answer; operations still waiting for theirs at the cut count as unanswered, so
 * linearizability of prefixes is monotone and a binary search finds it), then a shrink that drops every operation the
 * failure does not need. An operation whose value a remaining read returned is never dropped, so the
 * window does not turn into "a read of a value nobody wrote".
 */
public final class FailingWindow {

    private FailingWindow() {
    }

    /**
     * The window, in invocation order; the whole history if the bounds ran out before anything smaller failed.
     * {@code budgetNs} bounds the prefix search and the shrink each.
     */
    public static List<RegisterOp> of(List<RegisterOp> history, int initialValue, int initialVersion,
            long maxStepsPerCheck, long budgetNs) {
        LinearizabilityChecker checker = new LinearizabilityChecker(maxStepsPerCheck, System.nanoTime() + budgetNs);
        List<Long> cuts = history.stream().map(RegisterOp::completeNs).filter(t -> t != Long.MAX_VALUE).sorted()
                .distinct().toList();
        List<RegisterOp> window = new ArrayList<>(history);
        int low = 0;
        int high = cuts.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            List<RegisterOp> prefix = prefix(history, cuts.get(middle));
            if (checker.check(prefix, initialValue, initialVersion) == LinearizabilityChecker.Verdict
                    .NOT_LINEARIZABLE) {
                window = prefix;
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        window.sort(Comparator.comparingLong(RegisterOp::invokeNs));
        return shrunk(window, checker, initialValue, initialVersion, System.nanoTime() + budgetNs);
    }

    /** Everything invoked by {@code cutNs}, as it looked then. */
    static List<RegisterOp> prefix(List<RegisterOp> history, long cutNs) {
        List<RegisterOp> prefix = new ArrayList<>();
        for (RegisterOp op : history) {
            if (op.invokeNs() <= cutNs) {
                prefix.add(op.completeNs() <= cutNs ? op : op.pending());
            }
        }
        return prefix;
    }

    /**
     * Drops operations while the rest still fails, in passes until nothing more can go. The check runs on a copy in
     * which every version after a dropped write is one lower, as if the write had never been made; otherwise any
     * dropped write would "fail" the rest through version numbers alone. The window keeps the original operations.
     */
    private static List<RegisterOp> shrunk(List<RegisterOp> window, LinearizabilityChecker checker,
            int initialValue, int initialVersion, long deadlineNs) {
        List<RegisterOp> kept = new ArrayList<>(window);
        List<RegisterOp> renumbered = new ArrayList<>(window);
        boolean dropped = true;
        while (dropped && System.nanoTime() < deadlineNs) {
            dropped = false;
            for (int i = kept.size() - 1; i >= 0 && System.nanoTime() < deadlineNs; i--) {
                if (readByAnother(renumbered, renumbered.get(i))) {
                    continue;
                }
                List<RegisterOp> without = withoutWrite(renumbered, i);
                if (checker.check(without, initialValue, initialVersion)
                        == LinearizabilityChecker.Verdict.NOT_LINEARIZABLE) {
                    kept.remove(i);
                    renumbered = without;
                    dropped = true;
                }
            }
        }
        return kept;
    }

    private static List<RegisterOp> withoutWrite(List<RegisterOp> ops, int index) {
        RegisterOp gone = ops.get(index);
        boolean madeVersion = gone.kind() != RegisterOp.Kind.READ && gone.outcome() == RegisterOp.Outcome.OK;
        List<RegisterOp> rest = new ArrayList<>(ops.size() - 1);
        for (int i = 0; i < ops.size(); i++) {
            if (i != index) {
                rest.add(madeVersion ? ops.get(i).withVersionsAbove(gone.seenVersion()) : ops.get(i));
            }
        }
        return rest;
    }

    private static boolean readByAnother(List<RegisterOp> ops, RegisterOp writer) {
        return writer.kind() != RegisterOp.Kind.READ && ops.stream().anyMatch(op -> op != writer
                && op.kind() == RegisterOp.Kind.READ && op.outcome() == RegisterOp.Outcome.OK
                && writer.stores(op.seenValue()));
    }
}
