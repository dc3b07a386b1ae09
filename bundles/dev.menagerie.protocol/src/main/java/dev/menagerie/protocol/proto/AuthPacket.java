package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * Adds authentication to a session (op 100, xid -4); type is unused and 0.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record AuthPacket(int type, String scheme, byte[] auth) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(type);
        writer.writeString(scheme);
        writer.writeBuffer(auth);
    }

    public static AuthPacket read(JuteReader reader) throws JuteException {
        int type = reader.readInt();
        String scheme = reader.readString();
        byte[] auth = reader.readBuffer();
        return new AuthPacket(type, scheme, auth);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthPacket that
                && type == that.type
                && Objects.equals(scheme, that.scheme)
                && Arrays.equals(auth, that.auth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, scheme, Arrays.hashCode(auth));
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "AuthPacket["
                + "type=" + type
                + ", scheme=" + scheme
                + ", auth=" + (auth == null ? "null" : "byte[" + auth.length + "]")
                + "]";
    }
}
