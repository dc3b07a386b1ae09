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
 * A create transaction (persistent, ephemeral and sequential nodes).
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateTxn(
        String path,
        byte[] data,
        List<ACL> acl,
        boolean ephemeral,
        int parentCVersion)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeBool(ephemeral);
        writer.writeInt(parentCVersion);
    }

    public static CreateTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        boolean ephemeral = reader.readBool();
        int parentCVersion = reader.readInt();
        return new CreateTxn(path, data, acl, ephemeral, parentCVersion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateTxn that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && ephemeral == that.ephemeral
                && parentCVersion == that.parentCVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, ephemeral, parentCVersion);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateTxn["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", ephemeral=" + ephemeral
                + ", parentCVersion=" + parentCVersion
                + "]";
    }
}
