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
 * A create transaction of a container node.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateContainerTxn(
        String path,
        byte[] data,
        List<ACL> acl,
        int parentCVersion)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeInt(parentCVersion);
    }

    public static CreateContainerTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        int parentCVersion = reader.readInt();
        return new CreateContainerTxn(path, data, acl, parentCVersion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateContainerTxn that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && parentCVersion == that.parentCVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, parentCVersion);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateContainerTxn["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", parentCVersion=" + parentCVersion
                + "]";
    }
}
