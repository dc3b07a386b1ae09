package dev.menagerie.protocol.persistence;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The first 16 bytes of every transaction log and snapshot file.
 */
public record FileHeader(int magic, int version, long dbid) implements JuteRecord {
    /** "ZKLG", the magic of transaction logs. */
    public static final int TXNLOG_MAGIC = 0x5A4B4C47;
    /** "ZKSN", the magic of snapshots. */
    public static final int SNAPSHOT_MAGIC = 0x5A4B534E;
    /** The file format version written since 3.0 ({@code version-2} directories). */
    public static final int VERSION = 2;
    /** The encoded size in bytes. */
    public static final int SIZE_BYTES = 16;

    /** The header of a new transaction log. */
    public static FileHeader txnLog() {
        return new FileHeader(TXNLOG_MAGIC, VERSION, 0);
    }

    /** The header of a new snapshot. */
    public static FileHeader snapshot() {
        return new FileHeader(SNAPSHOT_MAGIC, VERSION, 0);
    }

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(magic);
        writer.writeInt(version);
        writer.writeLong(dbid);
    }

    public static FileHeader read(JuteReader reader) throws JuteException {
        int magic = reader.readInt();
        int version = reader.readInt();
        long dbid = reader.readLong();
        return new FileHeader(magic, version, dbid);
    }
}
