package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A reply body together with its encoding, taken from the {@link ResponseCache}: a connection sends
 * {@link #bytes()} as they are instead of encoding {@link #record()} again. The bytes are shared by every reply
 * that uses them and must not be changed.
 */
public record SerializedBody(JuteRecord record, byte[] bytes) implements JuteRecord {

    /** Encodes the record, for a writer that cannot take the bytes as they are; the result equals {@link #bytes()}. */
    @Override
    public void write(JuteWriter writer) {
        record.write(writer);
    }
}
