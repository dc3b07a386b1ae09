package dev.menagerie.api.storage;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** The server's side of loading a snapshot: it reads what {@link SnapshotSource} wrote. */
@ProviderType
@FunctionalInterface
public interface SnapshotSink {

    /** Reads the body; an exception makes the storage try the next older snapshot. */
    void readFrom(SnapshotInput in) throws IOException;
}
