package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SASL token sent by the client (op 102).
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record SetSASLRequest(byte[] token) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeBuffer(token);
    }

    public static SetSASLRequest read(JuteReader reader) throws JuteException {
        return new SetSASLRequest(reader.readBuffer());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetSASLRequest that
                && Arrays.equals(token, that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(token));
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "SetSASLRequest["
                + "token=" + (token == null ? "null" : "byte[" + token.length + "]")
                + "]";
    }
}
