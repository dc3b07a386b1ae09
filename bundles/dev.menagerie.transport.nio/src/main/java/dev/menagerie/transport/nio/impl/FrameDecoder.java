package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.transport.ConnectionHandler;
import java.nio.ByteBuffer;

/**
 * Splits a byte stream into length-prefixed frames, as the ZooKeeper client protocol sends them. Pure and
 * single-threaded: the selector thread owning a connection feeds it whatever the socket delivered.
 *
 * <p>The first four bytes of a connection may instead spell a four-letter word ({@code ruok}, {@code srvr}...):
 * read as a length they are far above any frame limit, so four lowercase ASCII letters there are never a frame.
 * {@code stmk} is followed by an eight-byte argument, which the decoder collects before handing the word over.
 *
 * <p>A frame's buffer grows with the bytes that arrive instead of being sized by the declared length, so a client
 * that announces a large frame and then sends little of it holds little memory.
 */
final class FrameDecoder {

    /** What the decoder found in the bytes it was given. */
    interface Listener {
        void frame(ByteBuffer frame);

        void fourLetterWord(String command);

        /** The word was {@code command} and its argument bytes follow; nothing more is decoded until they have. */
        void awaitingArgument(String command);

        /** The word and the argument that followed it, read as a big-endian long. */
        void fourLetterWord(String command, long argument);

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
    /** The word whose argument is being read, with the bytes read so far; null otherwise. */
    private String argumentOf;
    private ByteBuffer argument;

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
            if (argument != null) {
                readArgument(input, listener);
                continue;
            }
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

    /** The four-letter word whose argument has not fully arrived, or null. */
    String awaitedArgumentOf() {
        return argument == null ? null : argumentOf;
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
            if (ConnectionHandler.SET_TRACE_MASK.equals(word)) {
                argumentOf = word;
                argument = ByteBuffer.allocate(ConnectionHandler.SET_TRACE_MASK_ARGUMENT_BYTES);
                listener.awaitingArgument(word);
                return;
            }
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

    private void readArgument(ByteBuffer input, Listener listener) {
        copy(input, argument);
        if (argument.hasRemaining()) {
            return;
        }
        long value = argument.getLong(0);
        argument = null;
        failed = true;
        listener.fourLetterWord(argumentOf, value);
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
