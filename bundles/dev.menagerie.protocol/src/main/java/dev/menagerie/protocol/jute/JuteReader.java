package dev.menagerie.protocol.jute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes jute fields straight from a big-endian {@link ByteBuffer}, advancing its position. Strings are
 * decoded from the buffer's own storage (heap buffers) or through one reusable scratch array (direct
 * buffers); only {@code buffer} fields are copied, since the byte array is their value.
 *
 * <p>Every length is checked before anything is allocated: a negative length other than the null marker
 * -1, a length above {@code maxLength} (typically {@code jute.maxbuffer}), or more bytes than remain raise a
 * {@link JuteException}. A vector count larger than the remaining bytes is rejected too, since every jute
 * element takes at least one byte.
 *
 * <p>Strings are decoded as standard UTF-8 with malformed sequences replaced, as Apache ZooKeeper does.
 */
public final class JuteReader {
    private final ByteBuffer buffer;
    private final int maxLength;
    private byte[] scratch;

    /**
     * @param buffer    the input, read from its position to its limit; must be big-endian
     * @param maxLength the largest string or buffer length accepted, in bytes
     */
    public JuteReader(ByteBuffer buffer, int maxLength) {
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("jute is big-endian; the buffer is " + buffer.order());
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        this.buffer = buffer;
        this.maxLength = maxLength;
    }

    /** A reader over a whole array, with the array's length as the limit. */
    public static JuteReader of(byte[] bytes) {
        return new JuteReader(ByteBuffer.wrap(bytes), bytes.length);
    }

    public boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    public int remaining() {
        return buffer.remaining();
    }

    public int readInt() throws JuteException {
        need(4, "int");
        return buffer.getInt();
    }

    public long readLong() throws JuteException {
        need(8, "long");
        return buffer.getLong();
    }

    /** One byte; like Apache's reader (DataInput.readBoolean), any non-zero byte is true. */
    public boolean readBool() throws JuteException {
        need(1, "boolean");
        return buffer.get() != 0;
    }

    /** A {@code ustring}, or null for length -1. */
    public String readString() throws JuteException {
        int length = readLength("string");
        if (length < 0) {
            return null;
        }
        int start = buffer.position();
        String value;
        if (buffer.hasArray()) {
            value = new String(buffer.array(), buffer.arrayOffset() + start, length, StandardCharsets.UTF_8);
        } else {
            byte[] bytes = scratch(length);
            buffer.get(start, bytes, 0, length);
            value = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        buffer.position(start + length);
        return value;
    }

    /** A {@code buffer} as a new array, or null for length -1. */
    public byte[] readBuffer() throws JuteException {
        int length = readLength("buffer");
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }

    /** A nested record; the same as calling its {@code read} method with this reader. */
    public <T> T readRecord(JuteElementReader<T> elementReader) throws JuteException {
        return elementReader.read(this);
    }

    /** A {@code vector<ustring>}, or null for count -1. */
    public List<String> readStringVector() throws JuteException {
        return readVector(JuteReader::readString);
    }

    /** A vector of elements decoded by {@code elementReader}, or null for count -1. */
    public <T> List<T> readVector(JuteElementReader<T> elementReader) throws JuteException {
        int count = readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0) {
            throw new JuteException("jute vector count " + count + " is negative");
        }
        if (count > buffer.remaining()) {
            throw new JuteException("jute vector count " + count + " exceeds the " + buffer.remaining()
                    + " bytes that remain");
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(elementReader.read(this));
        }
        return values;
    }

    /** Reads a length prefix; returns -1 for null, else a length that is within limits and fully present. */
    private int readLength(String what) throws JuteException {
        int length = readInt();
        if (length == -1) {
            return -1;
        }
        if (length < 0) {
            throw new JuteException("jute " + what + " length " + length + " is negative");
        }
        if (length > maxLength) {
            throw new JuteException("jute " + what + " length " + length + " exceeds the limit of " + maxLength
                    + " bytes (jute.maxbuffer)");
        }
        need(length, what);
        return length;
    }

    private void need(int bytes, String what) throws JuteException {
        if (buffer.remaining() < bytes) {
            throw new JuteException("jute input truncated: " + what + " needs " + bytes + " bytes at offset "
                    + buffer.position() + " but " + buffer.remaining() + " remain");
        }
    }

    private byte[] scratch(int length) {
        if (scratch == null || scratch.length < length) {
            scratch = new byte[Math.max(length, 64)];
        }
        return scratch;
    }
}
