package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * addWatch (op 106, 3.6+); mode is an {@code AddWatchMode}.
 */
public record AddWatchRequest(String path, int mode) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(mode);
    }

    public static AddWatchRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int mode = reader.readInt();
        return new AddWatchRequest(path, mode);
    }
}
