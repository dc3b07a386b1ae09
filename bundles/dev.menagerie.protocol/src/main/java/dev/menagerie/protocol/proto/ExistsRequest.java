package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * exists (op 3).
 */
public record ExistsRequest(String path, boolean watch) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBool(watch);
    }

    public static ExistsRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        boolean watch = reader.readBool();
        return new ExistsRequest(path, watch);
    }
}
