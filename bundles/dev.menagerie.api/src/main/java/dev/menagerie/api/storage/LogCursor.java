package dev.menagerie.api.storage;

import java.io.Closeable;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/** Reads logged transactions in zxid order. */
@ConsumerType
public interface LogCursor extends Closeable {

    /** The next entry, or null after the last valid one (a torn or corrupt tail ends the log). */
    LogEntry next() throws IOException;
}
