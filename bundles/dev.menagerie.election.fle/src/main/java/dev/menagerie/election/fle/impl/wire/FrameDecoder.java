package dev.menagerie.election.fle.impl.wire;

import java.nio.ByteBuffer;

/**
 * Election messages after the handshake: {@code int length} then the payload. Like Apache's RecvWorker we refuse
 * lengths of 0 or less and above {@value #MAX_FRAME_BYTES} bytes, so a corrupt length cannot make us allocate
 * gigabytes.
 */
public final class FrameDecoder {

    /** Apache's QuorumCnxManager.PACKETMAXSIZE: 512 KiB. */
    public static final int MAX_FRAME_BYTES = 512 * 1024;

    private FrameDecoder() {
    }

    /** {@code payload} with its length in front. */
    public static byte[] frame(byte[] payload) {
        checkLength(payload.length);
        return ByteBuffer.allocate(Integer.BYTES + payload.length).putInt(payload.length).put(payload).array();
    }

    /**
     * The next payload in {@code in}, or null, consuming nothing, while it is incomplete. A bad length is reported
     * as soon as its four bytes are there.
     */
    public static byte[] next(ByteBuffer in) throws MalformedMessageException {
        if (in.remaining() < Integer.BYTES) {
            return null;
        }
        int start = in.position();
        int length = in.getInt();
        if (length <= 0 || length > MAX_FRAME_BYTES) {
            throw new MalformedMessageException("election frame length " + length + " outside 1.." + MAX_FRAME_BYTES);
        }
        if (in.remaining() < length) {
            in.position(start);
            return null;
        }
        byte[] payload = new byte[length];
        in.get(payload);
        return payload;
    }

    private static void checkLength(int length) {
        if (length <= 0 || length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("election frame length " + length + " outside 1.." + MAX_FRAME_BYTES);
        }
    }
}
