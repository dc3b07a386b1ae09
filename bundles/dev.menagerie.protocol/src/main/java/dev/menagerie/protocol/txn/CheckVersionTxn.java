package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A check transaction inside a multi.
 */
public record CheckVersionTxn(String path, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(version);
    }

    public static CheckVersionTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int version = reader.readInt();
        return new CheckVersionTxn(path, version);
    }
}
