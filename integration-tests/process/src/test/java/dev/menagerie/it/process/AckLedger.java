package dev.menagerie.it.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    public void created(String path, byte[] payload, long czxid) {
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
