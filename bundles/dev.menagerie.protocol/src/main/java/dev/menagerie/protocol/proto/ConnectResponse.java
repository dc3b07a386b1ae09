package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * The server's answer to a {@link ConnectRequest}: the negotiated timeout, the session id and password.
 * Servers before 3.4 end it after {@code passwd} (36 bytes with a 16-byte password); later ones add the
 * {@code readOnly} byte (37 bytes). {@code readOnlyPresent} records which form was read and decides which is
 * written.
 *
 * <p>{@link #read} takes the trailing byte if any input remains, so give it a reader over exactly one frame.
 * Byte arrays are held as given, not copied; equality compares their contents.
 */
public record ConnectResponse(
        int protocolVersion,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly,
        boolean readOnlyPresent)
        implements JuteRecord {

    /** The encoded size with a 16-byte password and without the readOnly byte. */
    public static final int SIZE_WITHOUT_READ_ONLY = 36;
    /** The encoded size with a 16-byte password and the readOnly byte. */
    public static final int SIZE_WITH_READ_ONLY = 37;

    /** The current form, with the readOnly byte. */
    public ConnectResponse(int protocolVersion, int timeOut, long sessionId, byte[] passwd, boolean readOnly) {
        this(protocolVersion, timeOut, sessionId, passwd, readOnly, true);
    }

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(protocolVersion);
        writer.writeInt(timeOut);
        writer.writeLong(sessionId);
        writer.writeBuffer(passwd);
        if (readOnlyPresent) {
            writer.writeBool(readOnly);
        }
    }

    public static ConnectResponse read(JuteReader reader) throws JuteException {
        int protocolVersion = reader.readInt();
        int timeOut = reader.readInt();
        long sessionId = reader.readLong();
        byte[] passwd = reader.readBuffer();
        boolean readOnlyPresent = reader.hasRemaining();
        boolean readOnly = readOnlyPresent && reader.readBool();
        return new ConnectResponse(protocolVersion, timeOut, sessionId, passwd, readOnly, readOnlyPresent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectResponse that
                && protocolVersion == that.protocolVersion
                && timeOut == that.timeOut
                && sessionId == that.sessionId
                && Arrays.equals(passwd, that.passwd)
                && readOnly == that.readOnly
                && readOnlyPresent == that.readOnlyPresent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocolVersion, timeOut, sessionId, Arrays.hashCode(passwd), readOnly, readOnlyPresent);
    }

    /** The password shows as its length only. */
    @Override
    public String toString() {
        return "ConnectResponse["
                + "protocolVersion=" + protocolVersion
                + ", timeOut=" + timeOut
                + ", sessionId=0x" + Long.toHexString(sessionId)
                + ", passwd=" + (passwd == null ? "null" : "byte[" + passwd.length + "]")
                + ", readOnly=" + (readOnlyPresent ? String.valueOf(readOnly) : "absent")
                + "]";
    }
}
