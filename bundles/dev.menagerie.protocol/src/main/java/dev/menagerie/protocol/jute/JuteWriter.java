package dev.menagerie.protocol.jute;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes jute fields into a growable heap {@link ByteBuffer}, exactly as Apache ZooKeeper's
 * {@code BinaryOutputArchive} does. {@link #size()} is the running number of bytes written, so a caller can
 * enforce {@code jute.maxbuffer} before sending or storing what it built.
 *
 * <p>Strings are encoded one UTF-16 unit at a time (1, 2 or 3 bytes each), as Apache does: a character
 * outside the Basic Multilingual Plane therefore becomes two 3-byte surrogate sequences, not one 4-byte
 * sequence. Matching that keeps our bytes, and so digests and checksums, identical to Apache's.
 *
 * <p>Not thread-safe; reuse one writer per thread with {@link #reset()}.
 */
public final class JuteWriter {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private ByteBuffer buffer;

    public JuteWriter() {
        this(256);
    }

    public JuteWriter(int initialCapacity) {
        buffer = ByteBuffer.allocate(Math.max(16, initialCapacity));
    }

    /** Bytes written since creation or the last {@link #reset()}. */
    public int size() {
        return buffer.position();
    }

    /** Forgets what was written, keeping the storage for reuse. */
    public void reset() {
        buffer.clear();
    }

    public void writeInt(int value) {
        ensureRoom(4);
        buffer.putInt(value);
    }

    public void writeLong(long value) {
        ensureRoom(8);
        buffer.putLong(value);
    }

    public void writeBool(boolean value) {
        ensureRoom(1);
        buffer.put(value ? (byte) 1 : (byte) 0);
    }

    /** A {@code ustring}: the encoded length then the bytes, or -1 for null. */
    public void writeString(String value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        int charCount = value.length();
        int byteCount = encodedLength(value, charCount);
        ensureRoom(4 + byteCount);
        buffer.putInt(byteCount);
        int start = buffer.position();
        if (byteCount == charCount) {
            copyAscii(value, charCount, start);
        } else {
            encodeUtf16Units(value, charCount, start);
        }
        buffer.position(start + byteCount);
    }

    /** A {@code buffer}: the length then the bytes, or -1 for null. */
    public void writeBuffer(byte[] value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        writeBuffer(value, 0, value.length);
    }

    /** A {@code buffer} holding {@code length} bytes of {@code value} from {@code offset}. */
    public void writeBuffer(byte[] value, int offset, int length) {
        ensureRoom(4 + length);
        buffer.putInt(length);
        buffer.put(value, offset, length);
    }

    /** A nested record: its fields inline, with no length or marker of its own. */
    public void writeRecord(JuteRecord record) {
        record.write(this);
    }

    /** A {@code vector<ustring>}: the count then each string, or -1 for null. */
    public void writeStringVector(List<String> values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        int count = values.size();
        writeInt(count);
        for (int i = 0; i < count; i++) {
            writeString(values.get(i));
        }
    }

    /** A vector of records: the count then each record, or -1 for null. */
    public void writeRecordVector(List<? extends JuteRecord> values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        int count = values.size();
        writeInt(count);
        for (int i = 0; i < count; i++) {
            values.get(i).write(this);
        }
    }

    /** Overwrites four bytes already written at {@code index}, e.g. a frame length reserved up front. */
    public void putInt(int index, int value) {
        if (index < 0 || index + 4 > buffer.position()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the " + size() + " bytes written");
        }
        buffer.putInt(index, value);
    }

    /**
     * The bytes written so far, as a buffer positioned at 0 with its limit at {@link #size()}. It shares this
     * writer's storage, so it is valid only until the next write or reset.
     */
    public ByteBuffer view() {
        return buffer.duplicate().flip();
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        byte[] copy = new byte[buffer.position()];
        System.arraycopy(buffer.array(), buffer.arrayOffset(), copy, 0, copy.length);
        return copy;
    }

    private static int encodedLength(String value, int charCount) {
        int length = charCount;
        for (int i = 0; i < charCount; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        return length;
    }

    @SuppressWarnings("deprecation") // the low-byte copy is exactly right for all-ASCII text and is intrinsic
    private void copyAscii(String value, int charCount, int start) {
        value.getBytes(0, charCount, buffer.array(), buffer.arrayOffset() + start);
    }

    private void encodeUtf16Units(String value, int charCount, int start) {
        byte[] out = buffer.array();
        int p = buffer.arrayOffset() + start;
        for (int i = 0; i < charCount; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void ensureRoom(int bytes) {
        if (buffer.remaining() >= bytes) {
            return;
        }
        long required = (long) buffer.position() + bytes;
        if (required > MAX_CAPACITY) {
            throw new IllegalStateException("jute output would exceed " + MAX_CAPACITY + " bytes");
        }
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(required, 2L * buffer.capacity()));
        ByteBuffer grown = ByteBuffer.allocate(capacity);
        buffer.flip();
        grown.put(buffer);
        buffer = grown;
    }
}
