package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A setData transaction; version is the node's new version.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record SetDataTxn(String path, byte[] data, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeInt(version);
    }

    public static SetDataTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        int version = reader.readInt();
        return new SetDataTxn(path, data, version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetDataTxn that
                && Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(data), version);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "SetDataTxn["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", version=" + version
                + "]";
    }
}
