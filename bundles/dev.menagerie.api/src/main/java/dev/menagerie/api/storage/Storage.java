package dev.menagerie.api.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open transaction log and snapshot store for one server: what an engine must guarantee. Every guarantee below is
 * checked by the storage contract suite, {@code dev.menagerie.storage.contract.StorageContract} in the test-jar of
 * {@code dev.menagerie:dev.menagerie.storage.file}; an engine's tests run it with a few-line subclass.
 *
 * <p>Threads: every method may be called from any thread. The server appends from one thread at a time, in
 * increasing zxid order (zxids may have gaps, for example across epochs), while others read the log, take
 * snapshots and purge.
 *
 * <p>Durability: a durable engine ({@code file}) keeps, for the next {@link StorageFactory#open} with the same
 * settings, every append whose stage completed, every snapshot whose {@link #snapshot} returned, and the epochs
 * once their setter returned. A non-durable engine ({@code memory}) opens empty every time and says so at open in
 * one WARN line; it must still keep every guarantee below while it is open.
 */
@ConsumerType
public interface Storage extends Closeable {

    /**
     * Appends one transaction. The stage completes once the entry is durable (fsynced unless {@code forceSync} is
     * off); concurrent appends share one fsync. It completes exceptionally when the write failed, for example on
     * a full disk, and then nothing after it is acknowledged either. A failure the storage cannot recover from
     * (an fsync error, a write error other than a full disk) is a {@link StorageFailedException}. Stages complete
     * in the order of the appends; once one completed, {@link #readLog} and {@link #lastLoggedZxid} see its entry
     * with exactly its bytes. An append after {@link #close} fails.
     */
    CompletionStage<Void> append(LogEntry entry);

    /**
     * The zxid of the last entry appended, or of the last one {@link #truncateLog} kept; 0 for an empty log. Purging
     * does not lower it.
     */
    long lastLoggedZxid();

    /**
     * A cursor over the logged entries with zxid at least {@code fromZxid}, in append order: from the first such
     * entry, so {@code 0} reads the whole log, a zxid between two entries starts at the next one, and a zxid past
     * the end reads nothing. It sees every entry whose append completed before this call; entries purged (see
     * {@link #purge}) are not read.
     */
    LogCursor readLog(long fromZxid) throws IOException;

    /**
     * Removes every logged entry after {@code zxid} (the leader's TRUNC), and every snapshot of a later state, so
     * that loading afterwards ends at {@code zxid} at most. {@link #lastLoggedZxid} is then the zxid of the last
     * entry kept, and appends continue after it. Truncating at or after the last entry changes nothing; truncating
     * to 0 empties the log.
     */
    void truncateLog(long zxid) throws IOException;

    /**
     * Writes a snapshot named after {@code zxid} (the last transaction applied when it started), then makes it
     * durable. A failed or interrupted snapshot leaves no file that loading would pick. The body the source writes
     * ends with a seal (the server's always does); an engine may take a body that does not for an incomplete one.
     * The engine returns the body to the {@link SnapshotSink} byte for byte as the source wrote it, and each
     * {@link SnapshotInput#checkSeal} fails unless the sink read exactly what was written before that seal.
     */
    void snapshot(long zxid, SnapshotSource source) throws IOException;

    /**
     * Loads the newest snapshot that reads completely, falling back to older ones; returns its zxid, or empty when
     * there is none (a fresh server). A snapshot whose sink throws (an IOException or a RuntimeException) counts as
     * unreadable. When snapshots exist but none reads, it fails with an IOException rather than return empty.
     */
    OptionalLong loadNewestSnapshot(SnapshotSink sink) throws IOException;

    /**
     * Reads a whole snapshot file that arrives as a stream instead of from this storage's directory (the body of
     * the admin {@code restore}), in this engine's snapshot format: the header, then the body through {@code sink},
     * every seal checked as the sink reads it, and nothing after the last one. Touches no stored file.
     *
     * @throws IOException when the stream is not a complete, intact snapshot (the message says what is wrong), or
     *     the engine cannot read snapshots from a stream
     * @since 1.3
     */
    default void readSnapshot(InputStream stream, SnapshotSink sink) throws IOException {
        throw new IOException("the storage engine " + getClass().getName() + " cannot read a snapshot from a stream");
    }

    /** The {@code currentEpoch} file; 0 when absent (never set). */
    long currentEpoch() throws IOException;

    void setCurrentEpoch(long epoch) throws IOException;

    /** The {@code acceptedEpoch} file; 0 when absent (never set). */
    long acceptedEpoch() throws IOException;

    void setAcceptedEpoch(long epoch) throws IOException;

    /**
     * Deletes snapshots and logs older than the retained ones now (what autopurge does on its schedule): it keeps
     * the newest {@link StorageSettings#snapRetainCount} snapshots (at least 3) and every logged entry after the
     * oldest of them, so loading still works from any kept snapshot; older snapshots cannot be loaded afterwards.
     * An engine may also drop what its kept snapshots cover sooner, on its own (the memory engine does at each
     * snapshot), but never anything that loading needs.
     */
    void purge() throws IOException;

    /** Releases the storage; closing again does nothing. See the class comment for what a reopen finds. */
    @Override
    void close() throws IOException;
}
