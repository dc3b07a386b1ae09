package dev.menagerie.protocol.quorum;

import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Zab message between leader and learners.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record QuorumPacket(int type, long zxid, byte[] data, List<Id> authinfo) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(type);
        writer.writeLong(zxid);
        writer.writeBuffer(data);
        writer.writeRecordVector(authinfo);
    }

    public static QuorumPacket read(JuteReader reader) throws JuteException {
        int type = reader.readInt();
        long zxid = reader.readLong();
        byte[] data = reader.readBuffer();
        List<Id> authinfo = reader.readVector(Id::read);
        return new QuorumPacket(type, zxid, data, authinfo);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuorumPacket that
                && type == that.type
                && zxid == that.zxid
                && Arrays.equals(data, that.data)
                && Objects.equals(authinfo, that.authinfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, zxid, Arrays.hashCode(data), authinfo);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "QuorumPacket["
                + "type=" + type
                + ", zxid=" + zxid
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", authinfo=" + authinfo
                + "]";
    }
}
