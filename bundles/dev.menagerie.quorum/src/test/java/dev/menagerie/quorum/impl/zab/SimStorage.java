package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.SnapshotSink;
import dev.menagerie.api.storage.SnapshotSource;
import dev.menagerie.api.storage.Storage;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The disk seam of one simulated peer, as the storage contract: appends become durable after a simulated latency,
 * in issue order, unless a crash or a truncation comes first (then their stage never completes, as the role that
 * waited is gone). Snapshots go through {@link SimReplica#takeSnapshot}, not through here.
 */
final class SimStorage implements Storage {

    private final SimPeer peer;

    SimStorage(SimPeer peer) {
        this.peer = peer;
    }

    @Override
    public CompletionStage<Void> append(LogEntry entry) {
        SimDisk disk = peer.disk;
        SimWorld world = peer.world;
        long zxid = entry.zxid();
        long token = disk.append(zxid, SimDisk.text(entry.txnBytes()));
        int incarnation = peer.incarnation;
        CompletableFuture<Void> durable = new CompletableFuture<>();
        world.at(disk.completionTimeMs(world.now(), world.diskLatencyMs()), () -> {
            if (peer.incarnation == incarnation && disk.complete(zxid, token)) {
                durable.complete(null);
            }
        });
        return durable;
    }

    @Override
    public long lastLoggedZxid() {
        return peer.disk.lastLoggedZxid();
    }

    @Override
    public LogCursor readLog(long fromZxid) {
        Iterator<Map.Entry<Long, String>> entries = peer.disk.logRange(fromZxid, Long.MAX_VALUE).entrySet()
                .iterator();
        return new LogCursor() {
            @Override
            public LogEntry next() {
                if (!entries.hasNext()) {
                    return null;
                }
                Map.Entry<Long, String> entry = entries.next();
                return new LogEntry(entry.getKey(), SimDisk.bytes(entry.getValue()));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncateLog(long zxid) {
        peer.disk.truncate(zxid);
    }

    @Override
    public void snapshot(long zxid, SnapshotSource source) {
        throw new UnsupportedOperationException("the simulated server snapshots through Replica.takeSnapshot");
    }

    @Override
    public OptionalLong loadNewestSnapshot(SnapshotSink sink) {
        throw new UnsupportedOperationException("the simulated server loads its tree through SimDisk.load");
    }

    @Override
    public long currentEpoch() {
        return peer.disk.currentEpoch;
    }

    @Override
    public void setCurrentEpoch(long epoch) {
        peer.disk.currentEpoch = epoch;
    }

    @Override
    public long acceptedEpoch() {
        return peer.disk.acceptedEpoch;
    }

    @Override
    public void setAcceptedEpoch(long epoch) {
        peer.disk.acceptedEpoch = epoch;
    }

    @Override
    public void purge() {
        // the simulated disk keeps every file
    }

    @Override
    public void close() {
    }
}
