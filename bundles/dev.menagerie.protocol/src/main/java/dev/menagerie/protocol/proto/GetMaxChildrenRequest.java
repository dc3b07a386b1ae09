package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A legacy request that has no op code in 3.9; kept for completeness.
 */
public record GetMaxChildrenRequest(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static GetMaxChildrenRequest read(JuteReader reader) throws JuteException {
        return new GetMaxChildrenRequest(reader.readString());
    }
}
