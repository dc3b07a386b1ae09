package dev.menagerie.testing.linearizability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing and Gong's search for a linearization of one register's history, with Lowe's memoisation as Porcupine does
 * it: calls and returns in one time-ordered linked list; an operation whose call is reached is tried as the next to
 * take effect (lifted out of the list) unless the same set of linearized operations already led to the same state;
 * reaching a return whose call is still in the list means the last choice was wrong and it is undone. Bounded in
 * steps and time: past either bound the answer is {@link Verdict#UNKNOWN}.
 */
public final class LinearizabilityChecker {

    public enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

    private final long maxSteps;
    private final long deadlineNs;

    /** Bounds for every {@link #check} of this instance: at most {@code maxSteps}, and nothing after the deadline. */
    public LinearizabilityChecker(long maxSteps, long deadlineNs) {
        this.maxSteps = maxSteps;
        this.deadlineNs = deadlineNs;
    }

    /** Whether the operations (all on one key) are linearizable from {@code value} at {@code version}. */
    public Verdict check(List<RegisterOp> history, int initialValue, int initialVersion) {
        List<RegisterOp> ops = history.stream().filter(LinearizabilityChecker::constrains).toList();
        Entry head = linkedEntries(ops);
        long state = RegisterModel.state(initialValue, initialVersion);
        BitSet linearized = new BitSet(ops.size());
        Set<Memo> seen = new HashSet<>();
        Deque<Choice> choices = new ArrayDeque<>();
        Entry entry = head.next;
        long steps = 0;
        while (head.next != null) {
            if (++steps > maxSteps || ((steps & 0xfff) == 0 && System.nanoTime() > deadlineNs)) {
                return Verdict.UNKNOWN;
            }
            if (entry.call) {
                long next = RegisterModel.step(state, entry.op);
                if (next != RegisterModel.IMPOSSIBLE) {
                    BitSet after = (BitSet) linearized.clone();
                    after.set(entry.id);
                    if (seen.add(new Memo(after, next))) {
                        choices.push(new Choice(entry, state));
                        state = next;
                        linearized.set(entry.id);
                        entry.lift();
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                if (choices.isEmpty()) {
                    return Verdict.NOT_LINEARIZABLE;
                }
                Choice last = choices.pop();
                state = last.stateBefore;
                linearized.clear(last.call.id);
                last.call.unlift();
                entry = last.call.next;
            }
        }
        return Verdict.LINEARIZABLE;
    }

    /** A read without an answer tells nothing and changes nothing. */
    private static boolean constrains(RegisterOp op) {
        return !(op.kind() == RegisterOp.Kind.READ && op.outcome() == RegisterOp.Outcome.UNKNOWN);
    }

    private static Entry linkedEntries(List<RegisterOp> ops) {
        List<Entry> entries = new ArrayList<>(2 * ops.size());
        for (int id = 0; id < ops.size(); id++) {
            RegisterOp op = ops.get(id);
            Entry call = new Entry(id, op, true, op.invokeNs());
            Entry ret = new Entry(id, op, false, op.completeNs());
            call.match = ret;
            entries.add(call);
            entries.add(ret);
        }
        // At equal times a call goes first: the two operations then count as concurrent, never as ordered.
        entries.sort(Comparator.comparingLong((Entry e) -> e.timeNs).thenComparing(e -> !e.call));
        Entry head = new Entry(-1, null, false, Long.MIN_VALUE);
        Entry previous = head;
        for (Entry e : entries) {
            previous.next = e;
            e.prev = previous;
            previous = e;
        }
        return head;
    }

    private record Memo(BitSet linearized, long state) {
    }

    private record Choice(Entry call, long stateBefore) {
    }

    private static final class Entry {
        final int id;
        final RegisterOp op;
        final boolean call;
        final long timeNs;
        Entry match;
        Entry prev;
        Entry next;

        Entry(int id, RegisterOp op, boolean call, long timeNs) {
            this.id = id;
            this.op = op;
            this.call = call;
            this.timeNs = timeNs;
        }

        /** Takes this call and its return out of the list. */
        void lift() {
            prev.next = next;
            next.prev = prev;
            match.prev.next = match.next;
            if (match.next != null) {
                match.next.prev = match.prev;
            }
        }

        /** Puts them back, in the reverse order of {@link #lift()}. */
        void unlift() {
            match.prev.next = match;
            if (match.next != null) {
                match.next.prev = match;
            }
            prev.next = this;
            next.prev = this;
        }
    }
}
