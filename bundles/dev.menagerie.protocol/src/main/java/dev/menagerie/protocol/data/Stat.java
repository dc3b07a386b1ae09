package dev.menagerie.protocol.data;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A node's statistics as clients see them (68 bytes on the wire).
 */
public record Stat(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        int dataLength,
        int numChildren,
        long pzxid)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(czxid);
        writer.writeLong(mzxid);
        writer.writeLong(ctime);
        writer.writeLong(mtime);
        writer.writeInt(version);
        writer.writeInt(cversion);
        writer.writeInt(aversion);
        writer.writeLong(ephemeralOwner);
        writer.writeInt(dataLength);
        writer.writeInt(numChildren);
        writer.writeLong(pzxid);
    }

    public static Stat read(JuteReader reader) throws JuteException {
        long czxid = reader.readLong();
        long mzxid = reader.readLong();
        long ctime = reader.readLong();
        long mtime = reader.readLong();
        int version = reader.readInt();
        int cversion = reader.readInt();
        int aversion = reader.readInt();
        long ephemeralOwner = reader.readLong();
        int dataLength = reader.readInt();
        int numChildren = reader.readInt();
        long pzxid = reader.readLong();
        return new Stat(
                czxid,
                mzxid,
                ctime,
                mtime,
                version,
                cversion,
                aversion,
                ephemeralOwner,
                dataLength,
                numChildren,
                pzxid);
    }
}
