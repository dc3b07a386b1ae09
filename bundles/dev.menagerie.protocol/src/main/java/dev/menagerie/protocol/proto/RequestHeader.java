package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * Precedes every client request after the connect request: the client's xid and the op code.
 */
public record RequestHeader(int xid, int type) implements JuteRecord {
    /** The encoded size in bytes. */
    public static final int SIZE_BYTES = 8;

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(xid);
        writer.writeInt(type);
    }

    public static RequestHeader read(JuteReader reader) throws JuteException {
        int xid = reader.readInt();
        int type = reader.readInt();
        return new RequestHeader(xid, type);
    }
}
