package dev.menagerie.protocol.data;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A node's statistics as snapshots store them: {@link Stat} without dataLength and numChildren (60 bytes).
 */
public record StatPersisted(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
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
        writer.writeLong(pzxid);
    }

    public static StatPersisted read(JuteReader reader) throws JuteException {
        long czxid = reader.readLong();
        long mzxid = reader.readLong();
        long ctime = reader.readLong();
        long mtime = reader.readLong();
        int version = reader.readInt();
        int cversion = reader.readInt();
        int aversion = reader.readInt();
        long ephemeralOwner = reader.readLong();
        long pzxid = reader.readLong();
        return new StatPersisted(
                czxid,
                mzxid,
                ctime,
                mtime,
                version,
                cversion,
                aversion,
                ephemeralOwner,
                pzxid);
    }
}
