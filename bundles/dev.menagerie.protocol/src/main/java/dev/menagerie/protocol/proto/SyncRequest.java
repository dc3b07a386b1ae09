package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * sync (op 9).
 */
public record SyncRequest(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static SyncRequest read(JuteReader reader) throws JuteException {
        return new SyncRequest(reader.readString());
    }
}
