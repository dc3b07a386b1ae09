package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * The reply to getData.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record GetDataResponse(byte[] data, Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeBuffer(data);
        writer.writeRecord(stat);
    }

    public static GetDataResponse read(JuteReader reader) throws JuteException {
        byte[] data = reader.readBuffer();
        Stat stat = Stat.read(reader);
        return new GetDataResponse(data, stat);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetDataResponse that
                && Arrays.equals(data, that.data)
                && Objects.equals(stat, that.stat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), stat);
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "GetDataResponse["
                + "data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + ", stat=" + stat
                + "]";
    }
}
