package dev.menagerie.transport.nio.impl;

import java.nio.ByteBuffer;

/**
 * Splits a byte stream into length-prefixed frames, as the ZooKeeper client protocol sends them. Pure and
 * single-threaded: the selector thread owning a connection feeds it whatever the socket delivered.
 *
 * <p>The first four bytes of a connection may instead spell a four-letter word ({@code ruok}, {@code srvr}...):
 * read as a length they are far above any frame limit, so four lowercase ASCII letters there are never a frame.
 *
 * <p>A frame's buffer grows with the bytes that arrive instead of being sized by the declared length, so a client
 * that announces a large frame and then sends little of it holds little memory.
 */
final class FrameDecoder {

    /** What the decoder found in the bytes it was given. */
    interface Listener {
        void frame(ByteBuffer frame);

        void fourLetterWord(String command);

        /** The declared length is negative or above the limit; the connection must be closed. */
        void badLength(int declaredLength);

        /** False stops decoding before the next frame; the bytes not consumed stay in the input. */
        default boolean accepting() {
            return true;
        }
    }

    /** The first buffer of a frame; it doubles (up to the declared length) as more of the frame arrives. */
    static final int INITIAL_BODY_BYTES = 4096;

    private final int maxFrameBytes;
    private final ByteBuffer lengthBytes = ByteBuffer.allocate(4);
    private ByteBuffer body;
    private int bodyLength;
    private boolean firstLength = true;
    private boolean failed;

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Consumes {@code input}, calling the listener for each complete frame, until it is empty or the listener
     * stops {@linkplain Listener#accepting() accepting} frames.
     */
    void feed(ByteBuffer input, Listener listener) {
        while (input.hasRemaining() && !failed) {
            if (body == null && lengthBytes.position() == 0 && !listener.accepting()) {
                return;
            }
            if (body == null) {
                readLength(input, listener);
            } else {
                readBody(input, listener);
            }
        }
    }

    /** True when the decoder is between frames (no partial frame buffered). */
    boolean idle() {
        return body == null && lengthBytes.position() == 0;
    }

    /** The bytes allocated for the frame being read; none between frames. */
    int partialFrameCapacity() {
        return body == null ? 0 : body.capacity();
    }

    private void readLength(ByteBuffer input, Listener listener) {
        copy(input, lengthBytes);
        if (lengthBytes.hasRemaining()) {
            return;
        }
        lengthBytes.flip();
        int length = lengthBytes.getInt(0);
        lengthBytes.clear();
        if (firstLength) {
            firstLength = false;
            String word = fourLetterWord(length);
            if (word != null) {
                failed = true;
                listener.fourLetterWord(word);
                return;
            }
        }
        if (length < 0 || length > maxFrameBytes) {
            failed = true;
            listener.badLength(length);
            return;
        }
        bodyLength = length;
        body = ByteBuffer.allocate(Math.min(length, INITIAL_BODY_BYTES));
        if (length == 0) {
            deliver(listener);
        }
    }

    private void readBody(ByteBuffer input, Listener listener) {
        if (!body.hasRemaining()) {
            body = ByteBuffer.allocate(Math.min(bodyLength, body.capacity() * 2)).put(body.flip());
        }
        copy(input, body);
        if (body.position() == bodyLength) {
            deliver(listener);
        }
    }

    private void deliver(Listener listener) {
        ByteBuffer frame = body.flip();
        body = null;
        listener.frame(frame);
    }

    private static void copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        if (n == 0) {
            return;
        }
        ByteBuffer slice = from.slice(from.position(), n);
        to.put(slice);
        from.position(from.position() + n);
    }

    /** The command spelled by the four bytes of {@code value}, or null unless all four are lowercase letters. */
    static String fourLetterWord(int value) {
        char[] letters = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = (value >>> (24 - 8 * i)) & 0xff;
            if (b < 'a' || b > 'z') {
                return null;
            }
            letters[i] = (char) b;
        }
        return new String(letters);
    }
}
