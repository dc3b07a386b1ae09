package dev.menagerie.protocol.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.protocol.jute.JuteElementReader;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.ConnectResponse;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.protocol.proto.ReconfigRequest;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.quorum.QuorumPacket;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record survives write then read, including null strings, buffers and vectors. */
class RoundTripTest {

    static Stream<Case> cases() {
        return ApacheCompatibilityTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writeThenReadGivesTheSameRecord(Case sample) throws JuteException {
        assertRoundTrip(sample.ours(), sample.reader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTruncationIsAJuteException(Case sample) {
        byte[] whole = Apache.ours(sample.ours());
        // The connect records end in an optional byte: without it they are the valid pre-3.4 form.
        boolean optionalLastByte = sample.ours() instanceof ConnectRequest || sample.ours() instanceof ConnectResponse;
        int shortest = optionalLastByte ? whole.length - 2 : whole.length - 1;
        for (int length = shortest; length >= 0; length--) {
            JuteReader reader = new JuteReader(ByteBuffer.wrap(whole, 0, length), whole.length);
            assertThrows(JuteException.class, () -> sample.reader().read(reader), "cut to " + length + " bytes");
        }
    }

    @Test
    void nullFieldsRoundTrip() throws JuteException {
        assertRoundTrip(new CreateRequest(null, null, null, 0), CreateRequest::read);
        assertRoundTrip(new GetDataResponse(null, Values.STAT), GetDataResponse::read);
        assertRoundTrip(new QuorumPacket(5, -1, null, null), QuorumPacket::read);
        assertRoundTrip(new SetWatches2(0, null, null, null, null, null), SetWatches2::read);
        assertRoundTrip(new ReconfigRequest(null, null, "server.1=h:1:2", 7), ReconfigRequest::read);
    }

    @Test
    void recordsWithByteArraysCompareByContentAndHideThemInToString() {
        ConnectRequest one = new ConnectRequest(0, 1, 2, 3, Values.PASSWORD.clone(), false);
        ConnectRequest two = new ConnectRequest(0, 1, 2, 3, Values.PASSWORD.clone(), false);

        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertNotEquals(one, new ConnectRequest(0, 1, 2, 3, Values.PASSWORD.clone(), false, false));
        assertFalse(one.toString().contains(Arrays.toString(Values.PASSWORD)), one.toString());
    }

    private static <T extends JuteRecord> void assertRoundTrip(JuteRecord record,
            JuteElementReader<T> elementReader) throws JuteException {
        JuteWriter writer = new JuteWriter(8);
        record.write(writer);
        byte[] bytes = writer.toByteArray();
        assertEquals(bytes.length, writer.size());

        JuteReader reader = JuteReader.of(bytes);
        T decoded = elementReader.read(reader);
        assertEquals(record, decoded);
        assertFalse(reader.hasRemaining());
        assertArrayEquals(bytes, Apache.ours(decoded));
    }
}
