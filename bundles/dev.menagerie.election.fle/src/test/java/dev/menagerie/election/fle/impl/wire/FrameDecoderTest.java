package dev.menagerie.election.fle.impl.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.election.PeerState;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    @Test
    void splitsBackToBackFramesArrivingInPieces() throws Exception {
        byte[] first = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 2, 3, 4, "a"));
        byte[] second = NotificationCodec.encode(Notification.of(PeerState.FOLLOWING, 5, 6, 7, 8, ""));
        ByteBuffer stream = ByteBuffer.allocate(200);
        stream.put(FrameDecoder.frame(first)).put(FrameDecoder.frame(second)).flip();
        ByteBuffer firstHalf = stream.duplicate().limit(30);
        assertNull(FrameDecoder.next(firstHalf));
        assertEquals(0, firstHalf.position());
        assertArrayEquals(first, FrameDecoder.next(stream));
        assertArrayEquals(second, FrameDecoder.next(stream));
        assertNull(FrameDecoder.next(stream));
    }

    @Test
    void refusesLengthsApacheRefusesAsSoonAsTheyArrive() {
        for (int length : new int[] {0, -1, 512 * 1024 + 1, Integer.MAX_VALUE}) {
            ByteBuffer in = ByteBuffer.allocate(4).putInt(0, length);
            assertThrows(MalformedMessageException.class, () -> FrameDecoder.next(in), "length " + length);
        }
    }

    @Test
    void carriesTheLargestFrameApacheAccepts() throws Exception {
        byte[] payload = new byte[FrameDecoder.MAX_FRAME_BYTES];
        payload[payload.length - 1] = 9;
        assertArrayEquals(payload, FrameDecoder.next(ByteBuffer.wrap(FrameDecoder.frame(payload))));
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.frame(new byte[payload.length + 1]));
    }
}
