package dev.menagerie.api.storage;

import java.io.DataInput;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/** The stream a snapshot body is read from, positioned after the file header. */
@ConsumerType
public interface SnapshotInput extends DataInput {

    /** Reads a seal and fails with an IOException when its checksum does not match what was read so far. */
    void checkSeal() throws IOException;

    /** True when the stream has no more bytes (optional trailing sections are absent). */
    boolean atEnd() throws IOException;
}
