package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * Precedes every reply and notification: the request's xid, the server's last zxid and an error code.
 */
public record ReplyHeader(int xid, long zxid, int err) implements JuteRecord {
    /** The encoded size in bytes. */
    public static final int SIZE_BYTES = 16;

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(xid);
        writer.writeLong(zxid);
        writer.writeInt(err);
    }

    public static ReplyHeader read(JuteReader reader) throws JuteException {
        int xid = reader.readInt();
        long zxid = reader.readLong();
        int err = reader.readInt();
        return new ReplyHeader(xid, zxid, err);
    }
}
