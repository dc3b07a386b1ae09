package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SASL token sent by the client (legacy name of the record).
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record GetSASLRequest(byte[] token) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeBuffer(token);
    }

    public static GetSASLRequest read(JuteReader reader) throws JuteException {
        return new GetSASLRequest(reader.readBuffer());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetSASLRequest that
                && Arrays.equals(token, that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(token));
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "GetSASLRequest["
                + "token=" + (token == null ? "null" : "byte[" + token.length + "]")
                + "]";
    }
}
