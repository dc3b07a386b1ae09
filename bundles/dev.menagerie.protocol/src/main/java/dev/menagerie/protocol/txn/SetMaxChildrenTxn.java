package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A legacy transaction that 3.9 never writes; kept to read old logs.
 */
public record SetMaxChildrenTxn(String path, int max) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(max);
    }

    public static SetMaxChildrenTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int max = reader.readInt();
        return new SetMaxChildrenTxn(path, max);
    }
}
