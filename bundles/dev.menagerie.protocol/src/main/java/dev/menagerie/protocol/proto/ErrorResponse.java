package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The body of a failed op inside a multi result.
 */
public record ErrorResponse(int err) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(err);
    }

    public static ErrorResponse read(JuteReader reader) throws JuteException {
        return new ErrorResponse(reader.readInt());
    }
}
