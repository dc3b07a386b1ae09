package dev.menagerie.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference reading of a client connection's byte stream, written as plainly as possible so the transports'
 * incremental decoders can be checked against it (their fuzz tests feed the same bytes in arbitrary pieces).
 *
 * <p>Events are strings: {@code frame:<body as ISO-8859-1>}, {@code 4lw:<word>} when the first four bytes are lowercase
 * letters, {@code bad:<length>} for a negative length or one above {@code maxFrameBytes} (jute.maxbuffer). The
 * last two end the stream; a trailing incomplete frame yields nothing. The word {@code stmk} carries an argument:
 * it yields {@code awaiting:stmk}, then {@code 4lw:stmk <argument>} once the eight bytes of its big-endian long
 * argument are there.
 */
public final class ClientFrameModel {

    private ClientFrameModel() {
    }

    public static List<String> events(byte[] stream, int maxFrameBytes) {
        List<String> events = new ArrayList<>();
        int position = 0;
        while (stream.length - position >= 4) {
            int length = intAt(stream, position);
            if (position == 0 && "stmk".equals(new String(stream, 0, 4, StandardCharsets.US_ASCII))) {
                events.add("awaiting:stmk");
                if (stream.length >= 12) {
                    events.add("4lw:stmk " + ByteBuffer.wrap(stream, 4, 8).getLong());
                }
                return events;
            }
            if (position == 0 && isFourLowercaseLetters(stream)) {
                events.add("4lw:" + new String(stream, 0, 4, StandardCharsets.US_ASCII));
                return events;
            }
            if (length < 0 || length > maxFrameBytes) {
                events.add("bad:" + length);
                return events;
            }
            if (stream.length - position - 4 < length) {
                return events;
            }
            events.add(frameEvent(stream, position + 4, length));
            position += 4 + length;
        }
        return events;
    }

    /** The event string for a frame body of {@code length} bytes at {@code offset}. */
    public static String frameEvent(byte[] bytes, int offset, int length) {
        return "frame:" + new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** The event string for the frame body between {@code frame}'s position and limit (left unchanged). */
    public static String frameEvent(ByteBuffer frame) {
        return "frame:" + StandardCharsets.ISO_8859_1.decode(frame.duplicate());
    }

    private static int intAt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }

    private static boolean isFourLowercaseLetters(byte[] bytes) {
        for (int i = 0; i < 4; i++) {
            if (bytes[i] < 'a' || bytes[i] > 'z') {
                return false;
            }
        }
        return true;
    }
}
