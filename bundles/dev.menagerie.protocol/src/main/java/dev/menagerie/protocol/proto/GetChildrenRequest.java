package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getChildren (op 8).
 */
public record GetChildrenRequest(String path, boolean watch) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBool(watch);
    }

    public static GetChildrenRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        boolean watch = reader.readBool();
        return new GetChildrenRequest(path, watch);
    }
}
