package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.quorum.QuorumAuthPacket;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.security.sasl.SaslException;

/**
 * Apache's {@code QuorumAuthPacket} on the wire: magic, status, token in jute encoding, with no framing. Apache's
 * source calls its magic negative, but {@code -0xa0dbcafecafe1234L} is positive (0x5f24350135... ): a peer without
 * quorum SASL reads its first four bytes as a frame length or packet type far beyond any valid one, and hangs up.
 */
final class AuthPackets {

    static final long MAGIC = -0xa0dbcafecafe1234L;
    static final int IN_PROGRESS = 0;
    static final int SUCCESS = 1;
    static final int ERROR = -1;
    /** DIGEST-MD5 tokens are a few hundred bytes; a larger length means a broken or hostile stream. */
    private static final int MAX_TOKEN_BYTES = 64 * 1024;

    private AuthPackets() {
    }

    /** Whether the next bytes of {@code in} start an authentication packet; they stay unread either way. */
    static boolean nextIsAuth(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark and reset");
        }
        in.mark(Long.BYTES);
        try {
            return new DataInputStream(in).readLong() == MAGIC;
        } finally {
            in.reset();
        }
    }

    static void write(OutputStream out, int status, byte[] token) throws IOException {
        JuteWriter writer = new JuteWriter(32 + (token == null ? 0 : token.length));
        new QuorumAuthPacket(MAGIC, status, token).write(writer);
        out.write(writer.toByteArray());
        out.flush();
    }

    /** Reads one packet; its magic is not checked, as Apache does not check it either once the exchange runs. */
    static QuorumAuthPacket read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long magic = data.readLong();
        int status = data.readInt();
        int length = data.readInt();
        if (length > MAX_TOKEN_BYTES) {
            throw new SaslException("a quorum authentication packet claims a token of " + length + " bytes");
        }
        byte[] token = null;
        if (length >= 0) {
            token = new byte[length];
            data.readFully(token);
        }
        return new QuorumAuthPacket(magic, status, token);
    }

    /** Apache's names of the statuses; an unknown code counts as ERROR, as Apache's {@code Status.getStatus}. */
    static String name(int status) {
        return switch (status) {
            case IN_PROGRESS -> "IN_PROGRESS";
            case SUCCESS -> "SUCCESS";
            default -> "ERROR";
        };
    }
}
