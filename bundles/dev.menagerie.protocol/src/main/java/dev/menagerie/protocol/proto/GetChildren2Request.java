package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getChildren2 (op 12): children plus the parent's stat.
 */
public record GetChildren2Request(String path, boolean watch) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBool(watch);
    }

    public static GetChildren2Request read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        boolean watch = reader.readBool();
        return new GetChildren2Request(path, watch);
    }
}
