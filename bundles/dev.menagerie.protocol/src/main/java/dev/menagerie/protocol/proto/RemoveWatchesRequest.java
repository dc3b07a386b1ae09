package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * removeWatches (op 18); type is a watcher type (1 children, 2 data, 3 any).
 */
public record RemoveWatchesRequest(String path, int type) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(type);
    }

    public static RemoveWatchesRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int type = reader.readInt();
        return new RemoveWatchesRequest(path, type);
    }
}
