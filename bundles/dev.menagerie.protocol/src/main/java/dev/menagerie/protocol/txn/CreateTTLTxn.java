package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A create transaction of a TTL node.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateTTLTxn(
        String path,
        byte[] data,
        List<ACL> acl,
        int parentCVersion,
        long ttl)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeInt(parentCVersion);
        writer.writeLong(ttl);
    }

    public static CreateTTLTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        int parentCVersion = reader.readInt();
        long ttl = reader.readLong();
        return new CreateTTLTxn(path, data, acl, parentCVersion, ttl);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateTTLTxn that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && parentCVersion == that.parentCVersion
                && ttl == that.ttl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, parentCVersion, ttl);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateTTLTxn["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", parentCVersion=" + parentCVersion
                + ", ttl=" + ttl
                + "]";
    }
}
