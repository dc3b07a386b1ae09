package dev.menagerie.protocol.quorum;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * One step of quorum SASL authentication.
 *
 * <p>Byte arrays are held as given, not copied; equality compares their contents.
 */
public record QuorumAuthPacket(long magic, int status, byte[] token) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(magic);
        writer.writeInt(status);
        writer.writeBuffer(token);
    }

    public static QuorumAuthPacket read(JuteReader reader) throws JuteException {
        long magic = reader.readLong();
        int status = reader.readInt();
        byte[] token = reader.readBuffer();
        return new QuorumAuthPacket(magic, status, token);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuorumAuthPacket that
                && magic == that.magic
                && status == that.status
                && Arrays.equals(token, that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(magic, status, Arrays.hashCode(token));
    }

    /** Byte arrays show as their length only: they may hold passwords, tokens or large data. */
    @Override
    public String toString() {
        return "QuorumAuthPacket["
                + "magic=" + magic
                + ", status=" + status
                + ", token=" + (token == null ? "null" : "byte[" + token.length + "]")
                + "]";
    }
}
