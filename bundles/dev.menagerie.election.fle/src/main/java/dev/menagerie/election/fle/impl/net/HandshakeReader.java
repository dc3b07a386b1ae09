package dev.menagerie.election.fle.impl.net;

import dev.menagerie.election.fle.impl.wire.Handshake;
import dev.menagerie.election.fle.impl.wire.HandshakeCodec;
import dev.menagerie.election.fle.impl.wire.MalformedMessageException;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Reads the first bytes of an accepted election connection from a blocking stream, field by field. */
final class HandshakeReader {

    private HandshakeReader() {
    }

    /** The handshake; the stream is left at the first frame. */
    static Handshake read(DataInputStream in) throws IOException, MalformedMessageException {
        long first = in.readLong();
        ByteBuffer head = ByteBuffer.allocate(Long.BYTES).putLong(first).flip();
        Handshake legacy = HandshakeCodec.decode(head); // throws for an unknown protocol version
        if (legacy != null) {
            return legacy;
        }
        long sid = in.readLong();
        int length = in.readInt();
        if (length <= 0 || length > HandshakeCodec.MAX_ADDRESS_BYTES) {
            throw new MalformedMessageException("election handshake address length " + length + " outside 1.."
                    + HandshakeCodec.MAX_ADDRESS_BYTES);
        }
        byte[] address = new byte[length];
        in.readFully(address);
        ByteBuffer whole = ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES + length)
                .putLong(first).putLong(sid).putInt(length).put(address).flip();
        return HandshakeCodec.decode(whole);
    }
}
