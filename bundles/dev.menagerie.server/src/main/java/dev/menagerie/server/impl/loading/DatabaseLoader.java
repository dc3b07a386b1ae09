package dev.menagerie.server.impl.loading;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.LoadedSnapshot;
import dev.menagerie.server.impl.tree.ZxidDigest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the database at start-up as Apache's {@code FileTxnSnapLog.restore} does: the newest snapshot that
 * reads completely, then every logged transaction after it. Sessions come from the snapshot and from the
 * createSession/closeSession transactions in the log.
 */
public final class DatabaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoader.class);
    private static final long PROGRESS_INTERVAL_NS = TimeUnit.SECONDS.toNanos(5);

    private final Storage storage;
    private final boolean extendedTypesEnabled;
    private final int maxRecordBytes;
    private final boolean trustEmptySnapshot;

    public DatabaseLoader(Storage storage, boolean extendedTypesEnabled, int maxRecordBytes, boolean trustEmptySnapshot) {
        this.storage = storage;
        this.extendedTypesEnabled = extendedTypesEnabled;
        this.maxRecordBytes = maxRecordBytes;
        this.trustEmptySnapshot = trustEmptySnapshot;
    }

    /**
     * A whole snapshot file from a stream (the body of the admin {@code restore}), read and checked by the storage
     * engine into a new tree; nothing stored or served changes, so a failure leaves no trace. The file has no name,
     * so the zxid is the lastProcessedZxid section that 3.9 snapshots end with (0 when absent, as in Apache).
     *
     * @throws IOException when the stream is not a complete, intact snapshot
     */
    public LoadedSnapshot readStreamed(InputStream stream) throws IOException {
        LoadedSnapshot[] loaded = new LoadedSnapshot[1];
        storage.readSnapshot(stream, in -> loaded[0] = DataTree.readSnapshot(in, extendedTypesEnabled, maxRecordBytes));
        return loaded[0];
    }

    public LoadedDatabase load() throws IOException {
        long started = System.nanoTime();
        LoadedSnapshot[] loaded = new LoadedSnapshot[1];
        OptionalLong snapshotZxid = storage.loadNewestSnapshot(
                in -> loaded[0] = DataTree.readSnapshot(in, extendedTypesEnabled, maxRecordBytes));
        DataTree tree;
        Map<Long, Integer> sessions = new LinkedHashMap<>();
        ZxidDigest snapshotDigest = null;
        if (snapshotZxid.isPresent()) {
            snapshotDigest = loaded[0].digest();
            tree = loaded[0].tree();
            tree.setLastProcessedZxid(snapshotZxid.getAsLong());
            sessions.putAll(loaded[0].sessionTimeouts());
            LOG.info("Loaded snapshot 0x{}: {} nodes, {} sessions", Long.toHexString(snapshotZxid.getAsLong()),
                    tree.nodeCount(), sessions.size());
        } else {
            if (storage.lastLoggedZxid() > 0 && !trustEmptySnapshot) {
                throw new IOException("No snapshot found, but there are log entries up to 0x"
                        + Long.toHexString(storage.lastLoggedZxid()) + ". Something is broken: refusing to start"
                        + " with an empty database. Set snapshot.trust.empty=true only if you are sure the logs"
                        + " hold the whole history.");
            }
            tree = new DataTree(extendedTypesEnabled);
        }
        long snapshotLoadedNanos = System.nanoTime();
        long replayed = replay(tree, sessions, usable(snapshotDigest));
        long replayedNanos = System.nanoTime();
        long logEnd = storage.lastLoggedZxid();
        if (tree.lastProcessedZxid() < logEnd) {
            throw new IOException("The snapshot and the transaction log replayed up to zxid 0x"
                    + Long.toHexString(tree.lastProcessedZxid()) + ", but the log ends at zxid 0x"
                    + Long.toHexString(logEnd) + ": the data directory is inconsistent; refusing to start without"
                    + " the transactions in between");
        }
        LOG.info("Database loaded in {} ms: last zxid 0x{}, {} transactions replayed, {} nodes, {} sessions",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                Long.toHexString(tree.lastProcessedZxid()), replayed, tree.nodeCount(), sessions.size());
        boolean emptyDataDir = snapshotZxid.isEmpty() && logEnd <= 0;
        return new LoadedDatabase(tree, sessions, TimeUnit.NANOSECONDS.toMillis(snapshotLoadedNanos - started),
                emptyDataDir, replayed, TimeUnit.NANOSECONDS.toMillis(replayedNanos - snapshotLoadedNanos),
                snapshotZxid.orElse(0L));
    }

    /** A digest worth checking: one taken at or after the snapshot's zxid (a fresh tree stores zxid 0). */
    private static ZxidDigest usable(ZxidDigest digest) {
        return digest != null && digest.zxid() > 0 ? digest : null;
    }

    /**
     * Apache checks a snapshot's digest once the replay reaches the zxid it was taken at, because a snapshot
     * written while requests went on only matches at that point. A mismatch means the tree differs from what
     * was written: it is reported, not fatal, as in Apache.
     */
    private static void checkDigest(DataTree tree, ZxidDigest digest) {
        if (digest != null && tree.lastProcessedZxid() == digest.zxid() && !tree.digestAgrees(digest)) {
            LOG.error("The tree digest at zxid 0x{} does not match the one the snapshot recorded: the data"
                    + " directory may be damaged", Long.toHexString(digest.zxid()));
        }
    }

    private long replay(DataTree tree, Map<Long, Integer> sessions, ZxidDigest digest) throws IOException {
        checkDigest(tree, digest);
        long count = 0;
        long lastProgress = System.nanoTime();
        try (LogCursor cursor = storage.readLog(tree.lastProcessedZxid() + 1)) {
            LogEntry entry;
            while ((entry = cursor.next()) != null) {
                if (entry.zxid() <= tree.lastProcessedZxid()) {
                    continue;
                }
                LoggedTxn txn = LoggedTxn.decode(entry.txnBytes(), maxRecordBytes);
                tree.apply(txn.header(), txn.txn());
                trackSession(txn, sessions);
                checkDigest(tree, digest);
                count++;
                if (System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NS) {
                    lastProgress = System.nanoTime();
                    LOG.info("Replaying the transaction log: {} transactions so far, at zxid 0x{}", count,
                            Long.toHexString(entry.zxid()));
                }
            }
        }
        return count;
    }

    private static void trackSession(LoggedTxn txn, Map<Long, Integer> sessions) {
        TxnHeader header = txn.header();
        if (header.type() == OpCode.CREATE_SESSION) {
            sessions.put(header.clientId(), ((CreateSessionTxn) txn.txn()).timeOut());
        } else if (header.type() == OpCode.CLOSE_SESSION) {
            sessions.remove(header.clientId());
        }
    }
}
