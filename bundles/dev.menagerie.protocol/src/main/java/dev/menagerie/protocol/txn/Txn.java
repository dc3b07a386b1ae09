package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * One op inside a {@link MultiTxn}: its type and its encoded transaction.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record Txn(int type, byte[] data) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(type);
        writer.writeBuffer(data);
    }

    public static Txn read(JuteReader reader) throws JuteException {
        int type = reader.readInt();
        byte[] data = reader.readBuffer();
        return new Txn(type, data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Txn that
                && type == that.type
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data));
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "Txn["
                + "type=" + type
                + ", data=" + (data == null ? "null" : "byte[" + data.length + "]")
                + "]";
    }
}
