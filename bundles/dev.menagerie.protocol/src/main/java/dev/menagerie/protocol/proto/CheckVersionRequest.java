package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * check (op 13), used inside multi; version -1 matches any version.
 */
public record CheckVersionRequest(String path, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(version);
    }

    public static CheckVersionRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int version = reader.readInt();
        return new CheckVersionRequest(path, version);
    }
}
