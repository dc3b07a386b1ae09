package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.protocol.quorum.QuorumPacket;
import dev.menagerie.testing.RandomInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for what a leader or learner reads from its quorum peer: back-to-back jute QuorumPackets, then the
 * first packet's reading as FOLLOWERINFO / OBSERVERINFO. A bad stream ends in an IOException (the runner closes
 * that peer's connection and logs it), never anything else; every packet takes at least 20 bytes, so reading ends
 * within the stream's length; no buffer is longer than the stream. Seeds under
 * {@code QuorumPacketFuzzTestInputs/}; see docs/fuzzing.md.
 */
class QuorumPacketFuzzTest {

    /** The smallest packet: type, zxid, a null buffer's length and a null auth vector's count. */
    private static final int MIN_PACKET_BYTES = 4 + 8 + 4 + 4;

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "learnerStream").run(this::learnerStream);
    }

    @FuzzTest(maxDuration = "60s")
    void learnerStream(byte[] stream) throws IOException {
        try (PacketChannel channel = new PacketChannel(new StreamlessSocket(), new ByteArrayInputStream(stream))) {
            int packets = 0;
            while (true) {
                QuorumPacket packet;
                try {
                    packet = channel.read();
                } catch (IOException endOrRefused) {
                    return;
                }
                assertTrue(++packets <= stream.length / MIN_PACKET_BYTES, "more packets than the stream holds");
                assertTrue(packet.data() == null || packet.data().length <= stream.length,
                        "a buffer longer than the stream");
                LearnerRegistration.readInfo(packet);
                LearnerRegistration.ackedCurrentEpoch(packet.data());
            }
        }
    }

    /** A socket the channel can be built over without a connection: nothing is ever written in this target. */
    private static final class StreamlessSocket extends Socket {
        @Override
        public void setTcpNoDelay(boolean on) {
            // no connection to tune
        }

        @Override
        public OutputStream getOutputStream() {
            return new ByteArrayOutputStream();
        }
    }
}
