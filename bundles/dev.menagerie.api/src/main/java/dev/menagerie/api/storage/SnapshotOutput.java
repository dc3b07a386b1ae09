package dev.menagerie.api.storage;

import java.io.DataOutput;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/** The stream a snapshot body is written to, after the file header the storage writes itself. */
@ConsumerType
public interface SnapshotOutput extends DataOutput {

    /** Writes a seal: the checksum of everything written so far, then the path {@code "/"}. */
    void writeSeal() throws IOException;
}
