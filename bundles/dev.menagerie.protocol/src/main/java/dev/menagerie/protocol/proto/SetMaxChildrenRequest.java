package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A legacy request that has no op code in 3.9; kept for completeness.
 */
public record SetMaxChildrenRequest(String path, int max) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(max);
    }

    public static SetMaxChildrenRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int max = reader.readInt();
        return new SetMaxChildrenRequest(path, max);
    }
}
