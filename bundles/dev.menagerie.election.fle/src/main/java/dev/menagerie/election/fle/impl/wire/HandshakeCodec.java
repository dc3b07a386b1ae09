package dev.menagerie.election.fle.impl.wire;

import dev.menagerie.api.config.HostPort;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first bytes on an election connection. 3.5+ sends {@code long protocolVersion, long sid, int length,
 * "host:port"} (version 2 joins several addresses with {@code |}); 3.4 sends only {@code long sid}, which a
 * receiver tells apart because server ids are never negative.
 */
public final class HandshakeCodec {

    public static final long PROTOCOL_VERSION_V1 = -65536L;
    /** Sent only by 3.6+ peers with multiAddress enabled; accepted, never sent here. */
    public static final long PROTOCOL_VERSION_V2 = -65535L;
    /** {@link Handshake#protocolVersion()} of a 3.4 peer's bare id. */
    public static final long LEGACY_PROTOCOL = 0L;
    /** The address text may be at most this long; a longer claim is an attack or garbage. */
    public static final int MAX_ADDRESS_BYTES = 2048;
    /** The id an observer without one of its own sends (Apache's QuorumPeer.OBSERVER_ID). */
    public static final long OBSERVER_ID = Long.MAX_VALUE;

    private HandshakeCodec() {
    }

    /** The version 1 handshake of server {@code sid} listening for elections at {@code electionAddress}. */
    public static byte[] encode(long sid, HostPort electionAddress) {
        byte[] address = electionAddress.toString().getBytes(StandardCharsets.UTF_8);
        if (address.length > MAX_ADDRESS_BYTES) {
            throw new IllegalArgumentException("election address longer than " + MAX_ADDRESS_BYTES + " bytes");
        }
        return ByteBuffer.allocate(20 + address.length).putLong(PROTOCOL_VERSION_V1).putLong(sid)
                .putInt(address.length).put(address).array();
    }

    /**
     * Reads a handshake from {@code in}. Returns null, consuming nothing, while the bytes are still incomplete;
     * otherwise consumes exactly the handshake.
     */
    public static Handshake decode(ByteBuffer in) throws MalformedMessageException {
        if (in.remaining() < Long.BYTES) {
            return null;
        }
        int start = in.position();
        long first = in.getLong();
        if (first >= 0) {
            return new Handshake(LEGACY_PROTOCOL, first, List.of());
        }
        if (first != PROTOCOL_VERSION_V1 && first != PROTOCOL_VERSION_V2) {
            throw new MalformedMessageException("unknown election protocol version " + first);
        }
        if (in.remaining() < Long.BYTES + Integer.BYTES) {
            in.position(start);
            return null;
        }
        long sid = in.getLong();
        int length = in.getInt();
        if (length <= 0 || length > MAX_ADDRESS_BYTES) {
            throw new MalformedMessageException("election handshake address length " + length + " outside 1.."
                    + MAX_ADDRESS_BYTES);
        }
        if (in.remaining() < length) {
            in.position(start);
            return null;
        }
        byte[] text = new byte[length];
        in.get(text);
        return new Handshake(first, sid, parseAddresses(new String(text, StandardCharsets.UTF_8)));
    }

    /** {@code host:port} entries joined by {@code |}; IPv6 hosts in brackets. Wildcard hosts are skipped. */
    static List<HostPort> parseAddresses(String text) throws MalformedMessageException {
        List<HostPort> addresses = new ArrayList<>();
        for (String entry : text.split("\\|")) {
            HostPort address = parseAddress(entry);
            if (!isWildcard(address.host())) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static HostPort parseAddress(String entry) throws MalformedMessageException {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            // Like Apache, the character after ']' is skipped unread: it is meant to be ':'.
            if (close < 0 || close + 2 >= entry.length()) {
                throw new MalformedMessageException("badly formed election address: " + entry);
            }
            host = entry.substring(1, close);
            port = entry.substring(close + 2);
        } else {
            String[] parts = entry.split(":");
            if (parts.length != 2) {
                throw new MalformedMessageException("badly formed election address: " + entry);
            }
            host = parts[0];
            port = parts[1];
        }
        return new HostPort(host, parsePort(port, entry));
    }

    private static int parsePort(String text, String entry) throws MalformedMessageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole entry
        }
        throw new MalformedMessageException("bad port in election address: " + entry);
    }

    /**
     * Apache resolves the host to find wildcards; we only recognise the literals, so a handshake never waits on
     * DNS (a name that resolves to a wildcard is kept, and dialling it back fails like any wrong address).
     */
    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }
}
