package dev.menagerie.server.impl.host;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.SnapshotSink;
import dev.menagerie.api.storage.SnapshotSource;
import dev.menagerie.api.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** A storage that hands every call to another; subclasses change what they need. */
class ForwardingStorage implements Storage {

    final Storage storage;

    ForwardingStorage(Storage storage) {
        this.storage = storage;
    }

    @Override
    public CompletionStage<Void> append(LogEntry entry) {
        return storage.append(entry);
    }

    @Override
    public long lastLoggedZxid() {
        return storage.lastLoggedZxid();
    }

    @Override
    public LogCursor readLog(long fromZxid) throws IOException {
        return storage.readLog(fromZxid);
    }

    @Override
    public void truncateLog(long zxid) throws IOException {
        storage.truncateLog(zxid);
    }

    @Override
    public void snapshot(long zxid, SnapshotSource source) throws IOException {
        storage.snapshot(zxid, source);
    }

    @Override
    public OptionalLong loadNewestSnapshot(SnapshotSink sink) throws IOException {
        return storage.loadNewestSnapshot(sink);
    }

    @Override
    public void readSnapshot(InputStream stream, SnapshotSink sink) throws IOException {
        storage.readSnapshot(stream, sink);
    }

    @Override
    public long currentEpoch() throws IOException {
        return storage.currentEpoch();
    }

    @Override
    public void setCurrentEpoch(long epoch) throws IOException {
        storage.setCurrentEpoch(epoch);
    }

    @Override
    public long acceptedEpoch() throws IOException {
        return storage.acceptedEpoch();
    }

    @Override
    public void setAcceptedEpoch(long epoch) throws IOException {
        storage.setAcceptedEpoch(epoch);
    }

    @Override
    public void purge() throws IOException {
        storage.purge();
    }

    @Override
    public void close() throws IOException {
        storage.close();
    }
}
