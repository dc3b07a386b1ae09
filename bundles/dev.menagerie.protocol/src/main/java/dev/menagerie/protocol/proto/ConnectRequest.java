package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first frame a client sends. Clients before 3.4 end it after {@code passwd} (44 bytes with a 16-byte
 * password); later ones add the {@code readOnly} byte (45 bytes). {@code readOnlyPresent} records which form
 * was read, and decides which form is written, so a server can answer each client in its own dialect.
 *
 * <p>{@link #read} takes the trailing byte if any input remains, so give it a reader over exactly one frame.
 * Byte arrays are held as given, not copied; equality compares their contents.
 */
public record ConnectRequest(
        int protocolVersion,
        long lastZxidSeen,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly,
        boolean readOnlyPresent)
        implements JuteRecord {

    /** The encoded size with a 16-byte password and without the readOnly byte. */
    public static final int SIZE_WITHOUT_READ_ONLY = 44;
    /** The encoded size with a 16-byte password and the readOnly byte. */
    public static final int SIZE_WITH_READ_ONLY = 45;

    /** The current form, with the readOnly byte. */
    public ConnectRequest(int protocolVersion, long lastZxidSeen, int timeOut, long sessionId, byte[] passwd,
            boolean readOnly) {
        this(protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly, true);
    }

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(protocolVersion);
        writer.writeLong(lastZxidSeen);
        writer.writeInt(timeOut);
        writer.writeLong(sessionId);
        writer.writeBuffer(passwd);
        if (readOnlyPresent) {
            writer.writeBool(readOnly);
        }
    }

    public static ConnectRequest read(JuteReader reader) throws JuteException {
        int protocolVersion = reader.readInt();
        long lastZxidSeen = reader.readLong();
        int timeOut = reader.readInt();
        long sessionId = reader.readLong();
        byte[] passwd = reader.readBuffer();
        boolean readOnlyPresent = reader.hasRemaining();
        boolean readOnly = readOnlyPresent && reader.readBool();
        return new ConnectRequest(protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly,
                readOnlyPresent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectRequest that
                && protocolVersion == that.protocolVersion
                && lastZxidSeen == that.lastZxidSeen
                && timeOut == that.timeOut
                && sessionId == that.sessionId
                && Arrays.equals(passwd, that.passwd)
                && readOnly == that.readOnly
                && readOnlyPresent == that.readOnlyPresent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocolVersion, lastZxidSeen, timeOut, sessionId, Arrays.hashCode(passwd), readOnly,
                readOnlyPresent);
    }

    /** The password shows as its length only. */
    @Override
    public String toString() {
        return "ConnectRequest["
                + "protocolVersion=" + protocolVersion
                + ", lastZxidSeen=0x" + Long.toHexString(lastZxidSeen)
                + ", timeOut=" + timeOut
                + ", sessionId=0x" + Long.toHexString(sessionId)
                + ", passwd=" + (passwd == null ? "null" : "byte[" + passwd.length + "]")
                + ", readOnly=" + (readOnlyPresent ? String.valueOf(readOnly) : "absent")
                + "]";
    }
}
