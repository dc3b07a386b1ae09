package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getEphemerals (op 103, 3.6+): the session's ephemeral nodes under a path prefix.
 */
public record GetEphemeralsRequest(String prefixPath) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(prefixPath);
    }

    public static GetEphemeralsRequest read(JuteReader reader) throws JuteException {
        return new GetEphemeralsRequest(reader.readString());
    }
}
