package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to sync.
 */
public record SyncResponse(String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
    }

    public static SyncResponse read(JuteReader reader) throws JuteException {
        return new SyncResponse(reader.readString());
    }
}
