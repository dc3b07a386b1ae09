package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getACL (op 6).
 */
public record GetACLRequest(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static GetACLRequest read(JuteReader reader) throws JuteException {
        return new GetACLRequest(reader.readString());
    }
}
