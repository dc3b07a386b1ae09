package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * getAllChildrenNumber (op 104, 3.6+).
 */
public record GetAllChildrenNumberRequest(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static GetAllChildrenNumberRequest read(JuteReader reader) throws JuteException {
        return new GetAllChildrenNumberRequest(reader.readString());
    }
}
