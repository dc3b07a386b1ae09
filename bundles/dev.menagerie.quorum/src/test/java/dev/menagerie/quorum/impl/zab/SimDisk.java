package dev.menagerie.quorum.impl.zab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated peer's disk: the transaction log, the last snapshot and the two epoch files. Appends become durable
 * in the order they were issued (a log file fsyncs a prefix); a crash keeps every durable append and loses the rest.
 * Snapshots and epoch files are written synchronously, so they are durable once written.
 */
final class SimDisk {

    /** A transaction as the simulation tracks it: its zxid and a body naming the client write. */
    record Txn(long zxid, String body) {
    }

    private final TreeMap<Long, String> log = new TreeMap<>();
    /** Appends issued but not yet durable, each with the token of its completion event. */
    private final TreeMap<Long, Long> pendingTokens = new TreeMap<>();
    private List<Txn> snapshot = List.of();
    private long nextToken;
    private long lastCompletionMs;
    long acceptedEpoch;
    long currentEpoch;

    /** Issues an append; returns the token {@link #complete} must be given when its write is done. */
    long append(long zxid, String body) {
        log.put(zxid, body);
        long token = ++nextToken;
        pendingTokens.put(zxid, token);
        return token;
    }

    /** When an append issued now completes: never before the appends issued earlier. */
    long completionTimeMs(long nowMs, long latencyMs) {
        lastCompletionMs = Math.max(lastCompletionMs, nowMs + latencyMs);
        return lastCompletionMs;
    }

    /** The append's write finished; false when the entry was truncated or lost in a crash since. */
    boolean complete(long zxid, long token) {
        Long pending = pendingTokens.get(zxid);
        if (pending == null || pending != token) {
            return false;
        }
        pendingTokens.remove(zxid);
        return true;
    }

    /** Loses every append that was not yet durable. */
    void crash() {
        for (long zxid : pendingTokens.keySet()) {
            log.remove(zxid);
        }
        pendingTokens.clear();
        lastCompletionMs = 0;
    }

    /** The leader's TRUNC: drop every logged transaction after {@code zxid} (and a snapshot beyond it). */
    void truncate(long zxid) {
        log.tailMap(zxid, false).clear();
        pendingTokens.tailMap(zxid, false).clear();
        List<Txn> kept = new ArrayList<>();
        for (Txn txn : snapshot) {
            if (txn.zxid() <= zxid) {
                kept.add(txn);
            }
        }
        snapshot = List.copyOf(kept);
    }

    void saveSnapshot(List<Txn> tree) {
        snapshot = List.copyOf(tree);
    }

    /** The data tree as a starting server loads it: the snapshot, then every logged transaction after it. */
    List<Txn> load() {
        List<Txn> tree = new ArrayList<>(snapshot);
        fastForward(tree);
        return tree;
    }

    /** Appends to {@code tree} what the log holds beyond its last zxid (Apache's fastForwardDataBase). */
    void fastForward(List<Txn> tree) {
        long last = tree.isEmpty() ? 0 : tree.get(tree.size() - 1).zxid();
        for (Map.Entry<Long, String> entry : log.tailMap(last, false).entrySet()) {
            tree.add(new Txn(entry.getKey(), entry.getValue()));
        }
    }

    /** The last zxid the snapshot holds, 0 when there is none: loading starts the log after it. */
    long snapshotZxid() {
        return snapshot.isEmpty() ? 0 : snapshot.get(snapshot.size() - 1).zxid();
    }

    long lastLoggedZxid() {
        return log.isEmpty() ? 0 : log.lastKey();
    }

    /** A transaction's bytes on the wire and in the log: its body in UTF-8. */
    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] txn) {
        return new String(txn, StandardCharsets.UTF_8);
    }

    /** The logged transactions from {@code fromZxid} to {@code toZxid}, as a leader reads its committed window. */
    Map<Long, String> logRange(long fromZxid, long toZxid) {
        if (fromZxid > toZxid) {
            return Map.of();
        }
        return log.subMap(fromZxid, true, toZxid, true);
    }
}
