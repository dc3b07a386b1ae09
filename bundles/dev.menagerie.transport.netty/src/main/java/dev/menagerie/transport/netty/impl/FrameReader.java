package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.transport.ConnectionHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * Splits one connection's bytes into length-prefixed frames, as the ZooKeeper client protocol sends them. Used
 * only on the connection's event loop.
 *
 * <p>Frames are handed out as views of the buffer the bytes were read into: a frame that arrives in one read is
 * never copied, and once a frame's length is known the buffer is grown to hold all of it, so a frame spread over
 * many reads is copied once. Delivery stops while the listener is not accepting (the server paused the
 * connection); what was read stays here until {@link #drain} is called again.
 *
 * <p>The first four bytes of a connection may instead spell a four-letter word ({@code ruok}, {@code srvr}...):
 * read as a length they are far above any frame limit, so four lowercase ASCII letters there are never a frame.
 * {@code stmk} is followed by an eight-byte argument, which the reader collects before handing the word over.
 */
final class FrameReader {

    private static final int LENGTH_BYTES = 4;

    /** What the reader found in the bytes it was given. */
    interface Listener {
        /** False while frames must not be delivered (paused or closing). */
        boolean accepting();

        /** One complete frame; the buffer is valid only during the call. */
        void frame(ByteBuffer frame);

        void fourLetterWord(String command);

        /** The word was {@code command} and its argument bytes follow; nothing is delivered until they have. */
        void awaitingArgument(String command);

        /** The word and the argument that followed it, read as a big-endian long. */
        void fourLetterWord(String command, long argument);

        /** The declared length is negative or above the limit; the connection must be closed. */
        void badLength(int declaredLength);
    }

    private final int maxFrameBytes;
    private final ByteBufAllocator allocator;
    private final IntConsumer keptCapacity;
    private ByteBuf cumulation;
    /** Bytes (prefix included) the frame at the head of {@link #cumulation} needs, once its length is known. */
    private int expectedBytes;
    private boolean firstLength = true;
    private boolean failed;
    private boolean draining;
    private boolean awaitingArgument;

    FrameReader(int maxFrameBytes, ByteBufAllocator allocator) {
        this(maxFrameBytes, allocator, capacity -> { });
    }

    /**
     * @param keptCapacity hears the buffer's capacity each time read bytes stay in it for a later frame (a frame
     *                     not complete yet, or a paused connection), as Apache records its queued buffer
     */
    FrameReader(int maxFrameBytes, ByteBufAllocator allocator, IntConsumer keptCapacity) {
        this.maxFrameBytes = maxFrameBytes;
        this.allocator = allocator;
        this.keptCapacity = keptCapacity;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Takes ownership of {@code input} and delivers every complete frame the listener accepts. */
    void feed(ByteBuf input, Listener listener) {
        if (failed) {
            input.release();
            return;
        }
        append(input);
        drain(listener);
        if (cumulation != null && !failed) {
            keptCapacity.accept(cumulation.capacity());
        }
    }

    /** Delivers the complete frames already read, for as long as the listener accepts them. */
    void drain(Listener listener) {
        if (draining) {
            return; // the listener resumed itself during a frame; the running loop goes on with the next one
        }
        draining = true;
        try {
            while (!failed && cumulation != null && listener.accepting() && deliverOne(listener)) {
                expectedBytes = 0;
            }
            compact();
        } finally {
            draining = false;
        }
    }

    /** Frees what is buffered; later input is dropped. */
    void release() {
        failed = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    /** The four-letter word whose argument has not fully arrived, or null. */
    String awaitedArgumentOf() {
        return awaitingArgument && !failed ? ConnectionHandler.SET_TRACE_MASK : null;
    }

    /** Bytes read and not yet delivered. */
    int bufferedBytes() {
        return cumulation == null ? 0 : cumulation.readableBytes();
    }

    private void append(ByteBuf input) {
        if (cumulation == null) {
            cumulation = input;
            return;
        }
        try {
            int incoming = input.readableBytes();
            if (!canWriteInPlace(incoming)) {
                int capacity = Math.max(cumulation.readableBytes() + incoming, expectedBytes);
                ByteBuf bigger = allocator.directBuffer(capacity);
                bigger.writeBytes(cumulation);
                cumulation.release();
                cumulation = bigger;
            }
            cumulation.writeBytes(input);
        } finally {
            input.release();
        }
    }

    private boolean canWriteInPlace(int incoming) {
        return cumulation.refCnt() == 1 && !cumulation.isReadOnly() && cumulation.writableBytes() >= incoming;
    }

    /** Delivers the frame at the head of the buffer; false when there is none complete (or the stream failed). */
    private boolean deliverOne(Listener listener) {
        int readable = cumulation.readableBytes();
        if (readable < LENGTH_BYTES) {
            return false;
        }
        int length = cumulation.getInt(cumulation.readerIndex());
        if (firstLength) {
            String word = fourLetterWord(length);
            if (ConnectionHandler.SET_TRACE_MASK.equals(word)) {
                return deliverWithArgument(word, readable, listener);
            }
            firstLength = false;
            if (word != null) {
                release();
                listener.fourLetterWord(word);
                return false;
            }
        }
        if (length < 0 || length > maxFrameBytes) {
            release();
            listener.badLength(length);
            return false;
        }
        if (readable - LENGTH_BYTES < length) {
            expectedBytes = LENGTH_BYTES + length;
            return false;
        }
        cumulation.skipBytes(LENGTH_BYTES);
        // Retained, so the frame stays valid even if the listener's reaction releases this reader.
        ByteBuf frame = cumulation.readRetainedSlice(length);
        try {
            listener.frame(frame.nioBuffer());
        } finally {
            frame.release();
        }
        return true;
    }

    /** Hands over {@code word} once the argument after it has arrived; always false, nothing follows it. */
    private boolean deliverWithArgument(String word, int readable, Listener listener) {
        if (!awaitingArgument) {
            awaitingArgument = true;
            listener.awaitingArgument(word);
        }
        if (readable < LENGTH_BYTES + ConnectionHandler.SET_TRACE_MASK_ARGUMENT_BYTES) {
            return false;
        }
        long argument = cumulation.getLong(cumulation.readerIndex() + LENGTH_BYTES);
        awaitingArgument = false;
        release();
        listener.fourLetterWord(word, argument);
        return false;
    }

    private void compact() {
        if (cumulation == null) {
            return;
        }
        if (!cumulation.isReadable()) {
            cumulation.release();
            cumulation = null;
        } else if (cumulation.refCnt() == 1) {
            cumulation.discardSomeReadBytes();
        }
    }

    /** The command spelled by the four bytes of {@code value}, or null unless all four are lowercase letters. */
    static String fourLetterWord(int value) {
        char[] letters = new char[LENGTH_BYTES];
        for (int i = 0; i < LENGTH_BYTES; i++) {
            int b = (value >>> (24 - 8 * i)) & 0xff;
            if (b < 'a' || b > 'z') {
                return null;
            }
            letters[i] = (char) b;
        }
        return new String(letters);
    }
}
