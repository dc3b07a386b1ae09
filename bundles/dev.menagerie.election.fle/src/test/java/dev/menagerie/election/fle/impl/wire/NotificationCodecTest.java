package dev.menagerie.election.fle.impl.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.election.PeerState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.zookeeper.server.quorum.ApacheElectionWire;
import org.junit.jupiter.api.Test;

class NotificationCodecTest {

    private static final String CONFIG = "server.1=127.0.0.1:2888:3888:participant;0.0.0.0:2181\nversion=100000000";

    @Test
    void encodesTheSameBytesAsApache() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            PeerState state = PeerState.values()[random.nextInt(4)];
            long leader = random.nextLong();
            long zxid = random.nextLong();
            long electionEpoch = random.nextLong();
            long peerEpoch = random.nextLong();
            String config = i % 3 == 0 ? "" : CONFIG + i + "é";
            byte[] ours = NotificationCodec.encode(
                    Notification.of(state, leader, zxid, electionEpoch, peerEpoch, config));
            byte[] apache = ApacheElectionWire.notification(state.ordinal(), leader, zxid, electionEpoch, peerEpoch,
                    config.getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(apache, ours, "notification " + i);
        }
    }

    @Test
    void decodesWhatApacheSends() throws Exception {
        byte[] apache = ApacheElectionWire.notification(2, 3, 0x500000007L, 9, 5, CONFIG.getBytes(StandardCharsets.UTF_8));
        Notification n = NotificationCodec.decode(apache);
        assertEquals(new Notification(2, 3, 0x500000007L, 9, 5, 2, CONFIG), n);
        assertEquals(PeerState.LEADING, n.state());
    }

    @Test
    void readsA34MessageOf40BytesWithoutItsVersion() throws Exception {
        byte[] v1 = ApacheElectionWire.notificationVersion1(1, 3, 0x200000001L, 4, 2);
        assertEquals(40, v1.length);
        assertEquals(new Notification(1, 3, 0x200000001L, 4, 2, 0, ""), NotificationCodec.decode(v1));
    }

    @Test
    void derivesThePeerEpochOfA28ByteMessageFromTheZxid() throws Exception {
        byte[] old = Arrays.copyOf(ApacheElectionWire.notificationVersion1(0, 3, 0x700000001L, 4, 99), 28);
        assertEquals(new Notification(0, 3, 0x700000001L, 4, 7, 0, ""), NotificationCodec.decode(old));
    }

    @Test
    void refusesLengthsThatEndInsideAField() {
        byte[] full = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, "abc"));
        for (int length : new int[] {0, 27, 29, 35, 36, 39}) {
            assertThrows(MalformedMessageException.class,
                    () -> NotificationCodec.decode(Arrays.copyOf(full, length)), "length " + length);
        }
    }

    @Test
    void acceptsVersionOneLayoutsLongerThan40BytesAndIgnoresTrailingBytes() throws Exception {
        byte[] v1 = Arrays.copyOf(ApacheElectionWire.notificationVersion1(0, 3, 8, 4, 2), 42);
        assertEquals(new Notification(0, 3, 8, 4, 2, 1, ""), NotificationCodec.decode(v1));

        byte[] padded = Arrays.copyOf(NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, "ab")), 60);
        assertEquals("ab", NotificationCodec.decode(padded).config());
    }

    @Test
    void refusesAVersionTwoMessageWithoutRoomForConfigLength() {
        byte[] full = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, ""));
        for (int length = 41; length < 44; length++) {
            int cut = length;
            assertThrows(MalformedMessageException.class, () -> NotificationCodec.decode(Arrays.copyOf(full, cut)));
        }
    }

    @Test
    void refusesABadConfigLength() {
        for (int configLength : new int[] {-1, Integer.MIN_VALUE, 4, 49, Integer.MAX_VALUE}) {
            byte[] bytes = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, "abc"));
            ByteBuffer.wrap(bytes).putInt(40, configLength);
            assertThrows(MalformedMessageException.class, () -> NotificationCodec.decode(bytes),
                    "configLength " + configLength);
        }
    }

    @Test
    void keepsAnUnknownStateCodeForTheReceiverToJudge() throws Exception {
        byte[] bytes = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, ""));
        ByteBuffer.wrap(bytes).putInt(0, 7);
        Notification n = NotificationCodec.decode(bytes);
        assertEquals(7, n.stateCode());
        assertNull(n.state());
    }
}
