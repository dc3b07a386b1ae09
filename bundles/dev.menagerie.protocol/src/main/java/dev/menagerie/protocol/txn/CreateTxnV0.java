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
 * The create transaction of logs written before 3.3 (no parentCVersion).
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record CreateTxnV0(String path, byte[] data, List<ACL> acl, boolean ephemeral) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeRecordVector(acl);
        writer.writeBool(ephemeral);
    }

    public static CreateTxnV0 read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        List<ACL> acl = reader.readVector(ACL::read);
        boolean ephemeral = reader.readBool();
        return new CreateTxnV0(path, data, acl, ephemeral);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateTxnV0 that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && ephemeral == that.ephemeral;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), acl, ephemeral);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "CreateTxnV0["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", acl=" + acl
                + ", ephemeral=" + ephemeral
                + "]";
    }
}
