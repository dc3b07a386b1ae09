package dev.menagerie.api.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/** An open transaction log and snapshot store for one server. */
@ConsumerType
public interface Storage extends Closeable {

    /**
     * Appends one transaction. The stage completes once the entry is durable (fsynced unless {@code forceSync} is
     * off); concurrent appends share one fsync. It completes exceptionally when the write failed, for example on
     * a full disk, and then nothing after it is acknowledged either. A failure the storage cannot recover from
     * (an fsync error, a write error other than a full disk) is a {@link StorageFailedException}.
     */
    CompletionStage<Void> append(LogEntry entry);

    /** The zxid of the last entry appended, 0 for an empty log. */
    long lastLoggedZxid();

    /** A cursor over the entries with zxid at least {@code fromZxid}. */
    LogCursor readLog(long fromZxid) throws IOException;

    /**
     * Removes every logged entry after {@code zxid} (the leader's TRUNC), and every snapshot of a later state, so
     * that loading afterwards ends at {@code zxid} at most.
     */
    void truncateLog(long zxid) throws IOException;

    /**
     * Writes a snapshot named after {@code zxid} (the last transaction applied when it started), then makes it
     * durable. A failed or interrupted snapshot leaves no file that loading would pick.
     */
    void snapshot(long zxid, SnapshotSource source) throws IOException;

    /**
     * Loads the newest snapshot that reads completely, falling back to older ones; returns its zxid, or empty when
     * there is none (a fresh server).
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

    /** The {@code currentEpoch} file; 0 when absent. */
    long currentEpoch() throws IOException;

    void setCurrentEpoch(long epoch) throws IOException;

    /** The {@code acceptedEpoch} file; 0 when absent. */
    long acceptedEpoch() throws IOException;

    void setAcceptedEpoch(long epoch) throws IOException;

    /** Deletes snapshots and logs older than the retained ones now (what autopurge does on its schedule). */
    void purge() throws IOException;

    @Override
    void close() throws IOException;
}
