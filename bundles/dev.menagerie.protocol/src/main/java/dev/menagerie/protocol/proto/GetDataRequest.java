package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getData (op 4).
 */
public record GetDataRequest(String path, boolean watch) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBool(watch);
    }

    public static GetDataRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        boolean watch = reader.readBool();
        return new GetDataRequest(path, watch);
    }
}
