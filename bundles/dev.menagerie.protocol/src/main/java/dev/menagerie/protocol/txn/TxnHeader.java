package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * Precedes every logged or proposed transaction; type is the op code.
 */
public record TxnHeader(long clientId, int cxid, long zxid, long time, int type) implements JuteRecord {
    /** The encoded size in bytes. */
    public static final int SIZE_BYTES = 32;

    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(clientId);
        writer.writeInt(cxid);
        writer.writeLong(zxid);
        writer.writeLong(time);
        writer.writeInt(type);
    }

    public static TxnHeader read(JuteReader reader) throws JuteException {
        long clientId = reader.readLong();
        int cxid = reader.readInt();
        long zxid = reader.readLong();
        long time = reader.readLong();
        int type = reader.readInt();
        return new TxnHeader(clientId, cxid, zxid, time, type);
    }
}
