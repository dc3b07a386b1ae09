package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * setData (op 5); version -1 matches any version.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record SetDataRequest(String path, byte[] data, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeBuffer(data);
        writer.writeInt(version);
    }

    public static SetDataRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        byte[] data = reader.readBuffer();
        int version = reader.readInt();
        return new SetDataRequest(path, data, version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetDataRequest that
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
        return "SetDataRequest["
                + "path=" + path
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", version=" + version
                + "]";
    }
}
