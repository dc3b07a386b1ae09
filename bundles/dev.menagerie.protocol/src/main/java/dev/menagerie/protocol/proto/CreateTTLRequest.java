package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * createTTL (op 21): a create with a time-to-live in milliseconds.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateTTLRequest(
        String path,
        byte[] data,
        List<ACL> acl,
        int flags,
        long ttl)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeInt(flags);
        writer.writeLong(ttl);
    }

    public static CreateTTLRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        int flags = reader.readInt();
        long ttl = reader.readLong();
        return new CreateTTLRequest(path, data, acl, flags, ttl);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateTTLRequest that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && flags == that.flags
                && ttl == that.ttl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, flags, ttl);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateTTLRequest["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", flags=" + flags
                + ", ttl=" + ttl
                + "]";
    }
}
