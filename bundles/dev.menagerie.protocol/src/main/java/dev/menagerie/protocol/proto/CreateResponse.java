package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to create: the actual path, with any sequence suffix.
 */
public record CreateResponse(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static CreateResponse read(JuteReader reader) throws JuteException {
        return new CreateResponse(reader.readString());
    }
}
