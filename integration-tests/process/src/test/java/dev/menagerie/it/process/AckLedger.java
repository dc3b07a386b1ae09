package dev.menagerie.it.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every write the server acknowledged, and the last attempt per setData node. An acknowledged create must be there
 * with its data; an acknowledged setData at version v must be visible at version v with its data, or at v+1 with
 * the payload of the one write that was in flight when the server died (each node has a single synchronous writer).
 */
public final class AckLedger {

    /** An acknowledged write: its payload and the zxid the server assigned to it. */
    public record Ack(byte[] payload, int version, long zxid) {
    }

    private final Map<String, Ack> creates = new ConcurrentHashMap<>();
    private final Map<String, Ack> sets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lastAttempts = new ConcurrentHashMap<>();
    private final AtomicLong maxZxid = new AtomicLong();
    /** When each create was acknowledged ({@link System#nanoTime()}), in no particular order. */
    private final ConcurrentLinkedQueue<Long> createdAtNs = new ConcurrentLinkedQueue<>();

    public void created(String path, byte[] payload, long czxid) {
        createdAtNs.add(System.nanoTime());
        creates.put(path, new Ack(payload, 0, czxid));
        maxZxid.accumulateAndGet(czxid, Math::max);
    }

    public void attemptingSet(String path, byte[] payload) {
        lastAttempts.put(path, payload);
    }

    public void set(String path, byte[] payload, int version, long mzxid) {
        sets.put(path, new Ack(payload, version, mzxid));
        maxZxid.accumulateAndGet(mzxid, Math::max);
    }

    public Map<String, Ack> creates() {
        return creates;
    }

    public Map<String, Ack> sets() {
        return sets;
    }

    /**
     * Write unavailability around an event at {@code eventNs}: the longest time between two consecutive
     * acknowledged creates, the later one after the event and the earlier one before {@code untilNs}; -1 when no
     * create was acknowledged after the event.
     */
    public long longestGapMs(long eventNs, long untilNs) {
        List<Long> times = createdAtNs.stream().sorted().toList();
        long longestNs = -1;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) > eventNs && times.get(i - 1) < untilNs) {
                longestNs = Math.max(longestNs, times.get(i) - times.get(i - 1));
            }
        }
        return longestNs < 0 ? -1 : longestNs / 1_000_000;
    }

    public byte[] lastAttempt(String path) {
        return lastAttempts.get(path);
    }

    public long maxZxid() {
        return maxZxid.get();
    }

    public int size() {
        return creates.size() + sets.size();
    }
}
