package dev.menagerie.election.fle.impl.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumCnxManager.InitialMessage;
import org.junit.jupiter.api.Test;

class HandshakeCodecTest {

    @Test
    void apacheParsesOurHandshake() throws Exception {
        byte[] bytes = HandshakeCodec.encode(5, new HostPort("127.0.0.1", 3888));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        long protocolVersion = in.readLong();
        assertEquals(-65536L, protocolVersion);
        InitialMessage apache = InitialMessage.parse(protocolVersion, in);
        assertEquals(5L, apache.sid);
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 3888)), apache.electionAddr);
    }

    @Test
    void writesIpv6HostsInBracketsAsApacheDoes() throws Exception {
        byte[] bytes = HandshakeCodec.encode(2, new HostPort("::1", 3888));
        Handshake ours = HandshakeCodec.decode(ByteBuffer.wrap(bytes));
        assertEquals(List.of(new HostPort("::1", 3888)), ours.electionAddresses());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        InitialMessage apache = InitialMessage.parse(in.readLong(), in);
        assertEquals(3888, apache.electionAddr.get(0).getPort());
        assertTrue(apache.electionAddr.get(0).getAddress().isLoopbackAddress());
    }

    @Test
    void readsABare34SidAsALegacyHandshake() throws Exception {
        Handshake h = HandshakeCodec.decode(ByteBuffer.allocate(8).putLong(0, 7));
        assertEquals(new Handshake(HandshakeCodec.LEGACY_PROTOCOL, 7, List.of()), h);
    }

    @Test
    void readsVersionTwoAddressListsAndSkipsWildcards() throws Exception {
        byte[] bytes = handshake(HandshakeCodec.PROTOCOL_VERSION_V2, 3, "10.0.0.1:3888|0.0.0.0:3888|[fe80::1]:3889");
        Handshake h = HandshakeCodec.decode(ByteBuffer.wrap(bytes));
        assertEquals(List.of(new HostPort("10.0.0.1", 3888), new HostPort("fe80::1", 3889)), h.electionAddresses());
    }

    @Test
    void marksObserversWithoutAnIdAndNumbersThemDownwardsFromMinusOne() throws Exception {
        Handshake h = HandshakeCodec.decode(ByteBuffer.wrap(handshake(HandshakeCodec.PROTOCOL_VERSION_V1,
                Long.MAX_VALUE, "127.0.0.1:3888")));
        assertTrue(h.fromAnonymousObserver());
        AnonymousObserverIds ids = new AnonymousObserverIds();
        assertEquals(List.of(-1L, -2L, -3L), List.of(ids.next(), ids.next(), ids.next()));
    }

    @Test
    void refusesWhatApacheRefuses() {
        List<byte[]> bad = List.of(
                handshake(-3, 1, "127.0.0.1:3888"),
                lengthClaim(0), lengthClaim(-1), lengthClaim(2049),
                handshake(HandshakeCodec.PROTOCOL_VERSION_V1, 1, "127.0.0.1"),
                handshake(HandshakeCodec.PROTOCOL_VERSION_V1, 1, "127.0.0.1:port"),
                handshake(HandshakeCodec.PROTOCOL_VERSION_V1, 1, "[::1]"),
                handshake(HandshakeCodec.PROTOCOL_VERSION_V1, 1, "::1:3888"));
        for (byte[] bytes : bad) {
            assertThrows(MalformedMessageException.class, () -> HandshakeCodec.decode(ByteBuffer.wrap(bytes)));
            assertThrows(Exception.class, () -> apacheParse(bytes));
        }
    }

    @Test
    void acceptsTheLongestAddressApacheAccepts() throws Exception {
        String host = "h".repeat(2048 - ":3888".length());
        Handshake h = HandshakeCodec.decode(ByteBuffer.wrap(handshake(HandshakeCodec.PROTOCOL_VERSION_V1, 1,
                host + ":3888")));
        assertEquals(host, h.electionAddresses().get(0).host());
    }

    @Test
    void waitsForMissingBytesWithoutConsumingAny() throws Exception {
        byte[] bytes = HandshakeCodec.encode(9, new HostPort("127.0.0.1", 3888));
        for (int length = 0; length < bytes.length; length++) {
            ByteBuffer partial = ByteBuffer.wrap(bytes, 0, length);
            assertNull(HandshakeCodec.decode(partial), "prefix of " + length);
            assertEquals(0, partial.position());
        }
        ByteBuffer whole = ByteBuffer.allocate(bytes.length + 4).put(bytes).putInt(77).flip();
        assertEquals(9, HandshakeCodec.decode(whole).sid());
        assertEquals(4, whole.remaining(), "the frame after the handshake stays unread");
    }

    private static byte[] handshake(long protocolVersion, long sid, String address) {
        byte[] text = address.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(20 + text.length).putLong(protocolVersion).putLong(sid).putInt(text.length)
                .put(text).array();
    }

    private static byte[] lengthClaim(int length) {
        return ByteBuffer.allocate(20 + 4).putLong(HandshakeCodec.PROTOCOL_VERSION_V1).putLong(1).putInt(length)
                .putInt(0).array();
    }

    private static void apacheParse(byte[] bytes) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        InitialMessage.parse(in.readLong(), in);
    }
}
