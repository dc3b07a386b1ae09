package dev.menagerie.server.impl.op;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.proto.AuthPacket;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.RequestHeader;
import dev.menagerie.protocol.proto.SetSASLRequest;
import dev.menagerie.testing.RandomInputs;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for a client frame as the connection reads it: the first frame is a {@link ConnectRequest}, every
 * later one a {@link RequestHeader} and the record its op code names. Only {@link JuteException} may come out of
 * the records the connection reads itself (it closes the connection with a log line); {@link OperationDecoder}
 * never throws at all. Seeds and past findings under {@code ClientRequestFuzzTestInputs/}; see docs/fuzzing.md.
 */
class ClientRequestFuzzTest {

    /** Apache's default jute.maxbuffer (0xfffff), as a connection applies it to one record's strings and buffers. */
    private static final int MAX_RECORD_BYTES = 0xfffff;

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "connect").run(this::connect);
        RandomInputs.forTarget(getClass(), "request").run(this::request);
    }

    @FuzzTest(maxDuration = "60s")
    void connect(byte[] frame) {
        try {
            assertNotNull(ConnectRequest.read(reader(frame)));
        } catch (JuteException expected) {
            // the connection is closed as malformed
        }
    }

    @FuzzTest(maxDuration = "60s")
    void request(byte[] frame) {
        JuteReader in = reader(frame);
        try {
            RequestHeader header = RequestHeader.read(in);
            if (header.type() == OpCode.AUTH) {
                assertNotNull(AuthPacket.read(in));
            } else if (header.type() == OpCode.SASL) {
                assertNotNull(SetSASLRequest.read(in));
            } else {
                assertNotNull(OperationDecoder.fromClient(header.type(), in));
            }
        } catch (JuteException expected) {
            // the connection is closed as malformed
        }
    }

    private static JuteReader reader(byte[] frame) {
        return new JuteReader(ByteBuffer.wrap(frame), MAX_RECORD_BYTES);
    }
}
