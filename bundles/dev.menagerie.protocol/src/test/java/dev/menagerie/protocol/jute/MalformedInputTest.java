package dev.menagerie.protocol.jute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hostile or broken input ends in a JuteException that says what is wrong, never in a huge allocation. */
class MalformedInputTest {
    private static final int JUTE_MAXBUFFER = 0xfffff;

    @Test
    void negativeStringLengthIsRejected() {
        JuteException e = assertThrows(JuteException.class, () -> reader(ints(-2)).readString());
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void negativeBufferLengthIsRejected() {
        assertThrows(JuteException.class, () -> reader(ints(Integer.MIN_VALUE)).readBuffer());
    }

    @Test
    void lengthsAboveTheLimitAreRejectedBeforeAllocating() {
        JuteException e = assertThrows(JuteException.class, () -> reader(ints(Integer.MAX_VALUE)).readBuffer());
        assertTrue(e.getMessage().contains("exceeds the limit of " + JUTE_MAXBUFFER), e.getMessage());
        assertThrows(JuteException.class, () -> reader(ints(JUTE_MAXBUFFER + 1)).readString());
    }

    @Test
    void aLengthAtTheLimitIsAccepted() throws JuteException {
        ByteBuffer input = ByteBuffer.allocate(4 + 8).putInt(8).put(new byte[8]).flip();
        assertEquals(8, new JuteReader(input, 8).readBuffer().length);
    }

    @Test
    void aLengthLongerThanTheInputIsTruncation() {
        ByteBuffer input = ByteBuffer.allocate(4 + 3).putInt(10).put(new byte[3]).flip();
        JuteException e = assertThrows(JuteException.class, () -> new JuteReader(input, 100).readString());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void vectorCountsThatCannotFitTheInputAreRejected() {
        assertThrows(JuteException.class, () -> reader(ints(Integer.MAX_VALUE)).readStringVector());
        assertThrows(JuteException.class, () -> reader(ints(5, 1)).readVector(JuteReader::readInt));
        JuteException e = assertThrows(JuteException.class, () -> reader(ints(-7)).readStringVector());
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void primitivesPastTheEndAreTruncation() {
        assertThrows(JuteException.class, () -> reader(new byte[3]).readInt());
        assertThrows(JuteException.class, () -> reader(new byte[7]).readLong());
        assertThrows(JuteException.class, () -> reader(new byte[0]).readBool());
    }

    @Test
    void aTruncatedVectorElementIsTruncation() {
        byte[] twoStringsPromisedOneGiven = ByteBuffer.allocate(4 + 4 + 1 + 1).putInt(2).putInt(1).put((byte) 'a')
                .put((byte) 0).array();
        assertThrows(JuteException.class, () -> reader(twoStringsPromisedOneGiven).readStringVector());
    }

    @Test
    void aGoodVectorStillReads() throws JuteException {
        assertEquals(List.of(1, 2), reader(ints(2, 1, 2)).readVector(JuteReader::readInt));
    }

    private static JuteReader reader(byte[] bytes) {
        return new JuteReader(ByteBuffer.wrap(bytes), JUTE_MAXBUFFER);
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }
}
