package dev.menagerie.quorum.impl.tls;

/** Tells a TLS client's first bytes from the plaintext election handshake or Zab packet of a peer. */
final class TlsRecords {

    /** A TLS record header: content type, protocol version (2 bytes), length (2 bytes). */
    static final int HEADER_BYTES = 5;
    private static final int HANDSHAKE = 22;
    private static final int MAX_RECORD_BYTES = (1 << 14) + 2048;

    private TlsRecords() {
    }

    /**
     * True when {@code head} starts a TLS handshake record (SSL 3.0 to TLS 1.3 all use major version 3). A
     * plaintext election connection starts with a negative protocol version or a server id, a Zab connection with a
     * small packet type: neither has 22 then 3 in its first two bytes.
     */
    static boolean startsHandshake(byte[] head) {
        if (head.length < HEADER_BYTES) {
            return false;
        }
        int length = ((head[3] & 0xff) << 8) | (head[4] & 0xff);
        return head[0] == HANDSHAKE && head[1] == 3 && (head[2] & 0xff) <= 4 && length > 0
                && length <= MAX_RECORD_BYTES;
    }
}
