package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.testing.Components;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A replica whose "data tree" is the list of applied transactions and whose storage is the memory engine, so that
 * the role runners can be tested over real loopback sockets without the server bundle. The leader's writes are
 * numbered here as the server's prep stage numbers them.
 */
final class MemoryReplica implements Replica {

    /** The one session {@link #revalidateSession} knows. */
    static final long REVALIDATED_SESSION = 0x0100000000000042L;

    private final ServerConfig config;
    private final Storage storage;
    private final TreeMap<Long, byte[]> applied = new TreeMap<>();
    private volatile Proposer proposer;
    private volatile Forwarder forwarder;
    private long nextZxid;
    private boolean held;

    MemoryReplica(int tickMs, int initLimit, int syncLimit) {
        this.config = TestConfigs.zab(tickMs, initLimit, syncLimit);
        // The memory engine ignores the directories; the test needs no disk.
        try {
            this.storage = Components.create(StorageFactory.class, StorageFactory.TYPE, "memory").service()
                    .open(new StorageSettings(Path.of("memory"), Path.of("memory"), 0, true, 3, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<Long> appliedZxids() {
        return new ArrayList<>(applied.keySet());
    }

    boolean serving() {
        return proposer != null || forwarder != null;
    }

    /** A write on the leader, numbered, logged and proposed as the server's pipeline does it. */
    synchronized CompletionStage<Void> write(byte[] data) {
        while (held) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedStage(e);
            }
        }
        if (proposer == null) {
            return CompletableFuture.failedStage(new IOException("not leading"));
        }
        long zxid = ++nextZxid;
        LogEntry entry = new LogEntry(zxid, data);
        CompletionStage<Void> durable = storage.append(entry);
        return proposer.propose(entry, durable).thenRun(() -> applyCommitted(entry));
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public synchronized long lastProcessedZxid() {
        return applied.isEmpty() ? 0 : applied.lastKey();
    }

    @Override
    public void writeSnapshot(OutputStream out) throws IOException {
        Map<Long, byte[]> copy;
        synchronized (this) {
            copy = new TreeMap<>(applied);
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(copy.size());
        for (Map.Entry<Long, byte[]> entry : copy.entrySet()) {
            data.writeLong(entry.getKey());
            data.writeInt(entry.getValue().length);
            data.write(entry.getValue());
        }
    }

    @Override
    public void loadSnapshot(InputStream in, long zxid) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int count = data.readInt();
        TreeMap<Long, byte[]> loaded = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            long key = data.readLong();
            byte[] value = new byte[data.readInt()];
            data.readFully(value);
            loaded.put(key, value);
        }
        synchronized (this) {
            applied.clear();
            applied.putAll(loaded.headMap(zxid, true));
        }
    }

    @Override
    public void truncate(long zxid) throws IOException {
        storage.truncateLog(zxid);
        synchronized (this) {
            applied.tailMap(zxid, false).clear();
        }
    }

    @Override
    public void takeSnapshot() {
    }

    @Override
    public synchronized void applyCommitted(LogEntry entry) {
        applied.put(entry.zxid(), entry.txnBytes());
    }

    @Override
    public synchronized void serveAsLeader(long lastZxid, Proposer proposer) {
        this.nextZxid = lastZxid;
        this.proposer = proposer;
    }

    @Override
    public void serveAsLearner(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** As the server's prep stage: a write waits while held; none is being numbered once the monitor is ours. */
    @Override
    public synchronized CompletionStage<Long> holdRequests() {
        if (proposer == null || held) {
            return CompletableFuture.failedStage(new IllegalStateException("not a leader, or held already"));
        }
        held = true;
        return CompletableFuture.completedStage(nextZxid);
    }

    @Override
    public synchronized void releaseRequests() {
        held = false;
        notifyAll();
    }

    /** As the server's: the role ends, then the tree catches up with the log (Apache's fastForwardDataBase). */
    @Override
    public synchronized void stopServing() {
        proposer = null;
        forwarder = null;
        held = false;
        notifyAll();
        try (LogCursor entries = storage.readLog(lastProcessedZxid() + 1)) {
            for (LogEntry entry = entries.next(); entry != null; entry = entries.next()) {
                applied.put(entry.zxid(), entry.txnBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the peer reported as fatal, or null; a server would stop serving and leave the ensemble. */
    volatile String failStopped;

    @Override
    public void failStop(String what, Throwable cause) {
        failStopped = what + ": " + cause;
        stopServing();
    }

    @Override
    public void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds) {
        write(ByteBuffer.allocate(8).putLong(sessionId).array());
    }

    @Override
    public void touchSessions(Map<Long, Integer> timeoutsMsBySession) {
    }

    @Override
    public boolean revalidateSession(long sessionId, int timeoutMs) {
        return sessionId == REVALIDATED_SESSION;
    }

    @Override
    public Map<Long, Integer> localSessions() {
        return Map.of();
    }
}
