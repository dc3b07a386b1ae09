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
 * create, create2 and createContainer (ops 1, 15, 19); flags is a {@code CreateMode} flag.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateRequest(String path, byte[] data, List<ACL> acl, int flags) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeInt(flags);
    }

    public static CreateRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        int flags = reader.readInt();
        return new CreateRequest(path, data, acl, flags);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateRequest that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && flags == that.flags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, flags);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateRequest["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", flags=" + flags
                + "]";
    }
}
