package dev.menagerie.protocol.jute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field encodings, checked against Apache's BinaryOutputArchive and BinaryInputArchive. */
class JuteCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/zookeeper", "caf\u00e9", "\u8282\u70b9", "\u00ff\u0100\u07ff\u0800\uffff",
        "emoji \ud83d\ude00 here", "lone \ud800 surrogate", "nul \u0000 inside"})
    void stringsEncodeExactlyAsApacheDoes(String value) throws IOException {
        JuteWriter writer = new JuteWriter(1);
        writer.writeString(value);

        assertArrayEquals(apacheString(value), writer.toByteArray());
    }

    @Test
    void charactersOutsideTheBmpBecomeSixBytesAndDecodeAsApacheDecodesThem() throws IOException {
        String emoji = "\ud83d\ude00";
        JuteWriter writer = new JuteWriter();
        writer.writeString(emoji);
        byte[] bytes = writer.toByteArray();

        assertEquals(4 + 6, bytes.length, "two 3-byte surrogate sequences, as Apache writes them");
        String apacheReads = BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)).readString("s");
        assertEquals(apacheReads, JuteReader.of(bytes).readString());
    }

    @Test
    void nullsAreMinusOneAndReadBackAsNull() throws JuteException {
        JuteWriter writer = new JuteWriter();
        writer.writeString(null);
        writer.writeBuffer(null);
        writer.writeStringVector(null);
        byte[] bytes = writer.toByteArray();

        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, bytes);
        JuteReader reader = JuteReader.of(bytes);
        assertNull(reader.readString());
        assertNull(reader.readBuffer());
        assertNull(reader.readStringVector());
    }

    @Test
    void booleanIsOneByteAndAnyNonZeroByteReadsTrueAsInApache() throws IOException {
        JuteWriter writer = new JuteWriter();
        writer.writeBool(true);
        writer.writeBool(false);
        assertArrayEquals(new byte[] {1, 0}, writer.toByteArray());

        byte[] odd = {2};
        boolean apache = BinaryInputArchive.getArchive(new ByteArrayInputStream(odd)).readBool("b");
        assertEquals(apache, JuteReader.of(odd).readBool());
    }

    @Test
    void integersAreBigEndianLikeApache() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(out);
        archive.writeInt(-123_456, "i");
        archive.writeLong(0x0102_0304_0506_0708L, "l");
        JuteWriter writer = new JuteWriter();
        writer.writeInt(-123_456);
        writer.writeLong(0x0102_0304_0506_0708L);

        assertArrayEquals(out.toByteArray(), writer.toByteArray());
    }

    @Test
    void readsFromDirectBuffersAndFromSlicesOfLargerArrays() throws JuteException {
        JuteWriter writer = new JuteWriter();
        writer.writeString("/a/\u00e9");
        writer.writeStringVector(List.of("x", "\u4e2d"));
        byte[] bytes = writer.toByteArray();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        byte[] padded = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, padded, 5, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(padded, 5, bytes.length).slice();

        for (ByteBuffer input : List.of(direct, slice)) {
            JuteReader reader = new JuteReader(input, 1024);
            assertEquals("/a/\u00e9", reader.readString());
            assertEquals(List.of("x", "\u4e2d"), reader.readStringVector());
            assertFalse(reader.hasRemaining());
        }
    }

    @Test
    void sizeIsTheRunningByteCountAndResetReusesTheWriter() {
        JuteWriter writer = new JuteWriter(1);
        writer.writeInt(1);
        writer.writeBuffer(new byte[100_000]);
        assertEquals(4 + 4 + 100_000, writer.size());

        writer.reset();
        writer.writeLong(5);
        assertEquals(8, writer.size());
        assertEquals(8, writer.view().remaining());
    }

    @Test
    void aReservedFrameLengthCanBeFilledInAfterTheBody() throws JuteException {
        JuteWriter writer = new JuteWriter();
        writer.writeInt(0);
        writer.writeString("/frame");
        writer.putInt(0, writer.size() - 4);

        JuteReader reader = JuteReader.of(writer.toByteArray());
        assertEquals(4 + "/frame".length(), reader.readInt());
        assertEquals(reader.remaining(), 4 + "/frame".length());
        assertThrows(IndexOutOfBoundsException.class, () -> writer.putInt(writer.size() - 2, 1));
    }

    @Test
    void buffersAreCopiedOutOfTheInput() throws JuteException {
        JuteWriter writer = new JuteWriter();
        writer.writeBuffer(new byte[] {9, 8, 7}, 0, 3);
        byte[] bytes = writer.toByteArray();
        byte[] value = JuteReader.of(bytes).readBuffer();
        Arrays.fill(bytes, (byte) 0);

        assertArrayEquals(new byte[] {9, 8, 7}, value);
    }

    @Test
    void littleEndianInputIsRefused() {
        ByteBuffer little = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        assertThrows(IllegalArgumentException.class, () -> new JuteReader(little, 10));
    }

    @Test
    void readingAdvancesTheCallersBuffer() throws JuteException {
        ByteBuffer input = ByteBuffer.allocate(12).putInt(1).putLong(2).flip();
        JuteReader reader = new JuteReader(input, 0);
        reader.readInt();
        assertEquals(4, input.position());
        assertTrue(reader.hasRemaining());
    }

    private static byte[] apacheString(String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryOutputArchive.getArchive(out).writeString(value, "s");
        return out.toByteArray();
    }
}
