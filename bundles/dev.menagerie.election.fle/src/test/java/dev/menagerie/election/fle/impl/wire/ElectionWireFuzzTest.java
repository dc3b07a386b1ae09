package dev.menagerie.election.fle.impl.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.testing.RandomInputs;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for what a peer's election connection sends us: the handshake, the length-prefixed frames after
 * it and the notification inside each frame. Whatever the bytes, a decoder either returns a value, asks for more
 * bytes without consuming any, or throws {@link MalformedMessageException}; and it never allocates more than the
 * bytes that actually arrived. Seeds and past findings live under {@code ElectionWireFuzzTestInputs/}; see
 * docs/fuzzing.md.
 */
class ElectionWireFuzzTest {

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "handshake").run(this::handshake);
        RandomInputs.forTarget(getClass(), "frames").run(this::frames);
        RandomInputs.forTarget(getClass(), "notification").run(this::notification);
    }

    @FuzzTest(maxDuration = "60s")
    void handshake(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        try {
            Handshake handshake = HandshakeCodec.decode(in);
            if (handshake == null) {
                assertEquals(0, in.position(), "an incomplete handshake consumes nothing");
            } else {
                assertNotNull(handshake.electionAddresses());
                assertTrue(in.position() <= HandshakeCodec.MAX_ADDRESS_BYTES + 20, "consumed " + in.position());
            }
        } catch (MalformedMessageException expected) {
            // refused, as Apache refuses it: the connection is closed by the caller
        }
    }

    @FuzzTest(maxDuration = "60s")
    void frames(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        try {
            for (byte[] payload = FrameDecoder.next(in); payload != null; payload = FrameDecoder.next(in)) {
                assertTrue(payload.length >= 1 && payload.length <= FrameDecoder.MAX_FRAME_BYTES,
                        "payload of " + payload.length + " bytes");
                assertTrue(payload.length <= input.length, "a frame is never larger than the bytes received");
            }
        } catch (MalformedMessageException expected) {
            // a bad length closes the connection
        }
    }

    @FuzzTest(maxDuration = "60s")
    void notification(byte[] payload) {
        try {
            Notification notification = NotificationCodec.decode(payload);
            assertTrue(notification.config().length() <= payload.length, "config longer than the message");
        } catch (MalformedMessageException expected) {
            // the message is skipped
        }
    }
}
