package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.testing.ClientFrameModel;
import dev.menagerie.testing.RandomInputs;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    /** Small, so the fuzzer reaches the limit in both directions. */
    private static final int FUZZ_MAX_FRAME_BYTES = 64;

    /** Records what the reader delivered; accepts frames only while {@code accepting} is set. */
    private static final class Recorder implements FrameReader.Listener {
        final List<String> seen = new ArrayList<>();
        boolean accepting = true;

        @Override
        public boolean accepting() {
            return accepting;
        }

        @Override
        public void frame(ByteBuffer frame) {
            seen.add(ClientFrameModel.frameEvent(frame));
        }

        @Override
        public void fourLetterWord(String command) {
            seen.add("4lw:" + command);
        }

        @Override
        public void awaitingArgument(String command) {
            seen.add("awaiting:" + command);
        }

        @Override
        public void fourLetterWord(String command, long argument) {
            seen.add("4lw:" + command + " " + argument);
        }

        @Override
        public void badLength(int declaredLength) {
            seen.add("bad:" + declaredLength);
        }
    }

    private final PooledByteBufAllocator allocator = new PooledByteBufAllocator(true);
    private final FrameReader reader = new FrameReader(100, allocator);
    private final Recorder recorder = new Recorder();

    @AfterEach
    void release() {
        reader.release();
    }

    private static ByteBuf wire(String... frames) {
        ByteBuf buffer = Unpooled.buffer();
        for (String frame : frames) {
            byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
            buffer.writeInt(bytes.length).writeBytes(bytes);
        }
        return buffer;
    }

    @Test
    void framesOfOneReadAreDeliveredInOrder() {
        reader.feed(wire("a", "", "bc"), recorder);
        assertEquals(List.of("frame:a", "frame:", "frame:bc"), recorder.seen);
        assertEquals(0, reader.bufferedBytes());
    }

    @Test
    void frameSpreadOverManyReadsIsDeliveredOnceComplete() {
        ByteBuf all = wire("x".repeat(90));
        while (all.isReadable()) {
            reader.feed(all.readRetainedSlice(Math.min(7, all.readableBytes())), recorder);
        }
        all.release();
        assertEquals(List.of("frame:" + "x".repeat(90)), recorder.seen);
    }

    @Test
    void theBufferCapacityIsRecordedOnlyWhenReadBytesStayForLater() {
        List<Integer> kept = new ArrayList<>();
        FrameReader measured = new FrameReader(100, allocator, kept::add);
        try {
            measured.feed(wire("whole"), recorder);
            assertEquals(List.of(), kept, "a read of whole frames keeps nothing");
            ByteBuf partial = wire("x".repeat(40));
            measured.feed(partial.readRetainedSlice(10), recorder);
            assertEquals(1, kept.size(), "the start of a frame stays for the next read");
            assertTrue(kept.get(0) >= 10, "capacity " + kept.get(0));
            measured.feed(partial, recorder);
            assertEquals(1, kept.size(), "the rest completed the frame");
            assertEquals(List.of("frame:whole", "frame:" + "x".repeat(40)), recorder.seen);
        } finally {
            measured.release();
        }
    }

    @Test
    void pausedReaderKeepsFramesUntilDrained() {
        recorder.accepting = false;
        reader.feed(wire("one", "two"), recorder);
        assertEquals(List.of(), recorder.seen);
        recorder.accepting = true;
        reader.drain(recorder);
        assertEquals(List.of("frame:one", "frame:two"), recorder.seen);
    }

    @Test
    void fourLetterWordCountsOnlyAtTheStartOfAConnection() {
        reader.feed(wire("first"), recorder);
        reader.feed(Unpooled.copiedBuffer("ruok", StandardCharsets.US_ASCII), recorder);
        assertEquals(List.of("frame:first", "bad:" + 0x72756f6b), recorder.seen);

        FrameReader fresh = new FrameReader(100, allocator);
        fresh.feed(Unpooled.copiedBuffer("ruokmore", StandardCharsets.US_ASCII), recorder);
        assertEquals("4lw:ruok", recorder.seen.get(2));
        assertEquals(3, recorder.seen.size(), "nothing is read after a four-letter word");
    }

    @Test
    void stmkIsHandedOverWithTheEightBytesThatFollowItAndNothingAfterThem() {
        ByteBuf wire = Unpooled.buffer().writeBytes("stmk".getBytes(StandardCharsets.US_ASCII)).writeLong(-7L)
                .writeInt(1);
        reader.feed(wire.readRetainedSlice(6), recorder);
        assertEquals(List.of("awaiting:stmk"), recorder.seen);
        assertEquals("stmk", reader.awaitedArgumentOf());
        reader.feed(wire.readRetainedSlice(1), recorder);
        assertEquals(List.of("awaiting:stmk"), recorder.seen, "told once");
        reader.feed(wire, recorder);
        assertEquals(List.of("awaiting:stmk", "4lw:stmk -7"), recorder.seen);
        assertNull(reader.awaitedArgumentOf());
        assertEquals(0, reader.bufferedBytes());
    }

    @Test
    void lengthAboveTheLimitIsReportedAndLaterBytesAreDropped() {
        reader.feed(Unpooled.buffer().writeInt(101), recorder);
        reader.feed(wire("late"), recorder);
        assertEquals(List.of("bad:101"), recorder.seen);
        assertEquals(0, reader.bufferedBytes());
    }

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "clientStream").run(this::clientStream);
    }

    /**
     * Feeds a client byte stream in pieces of a fuzzed size, pausing delivery between pieces in a fuzzed pattern,
     * and checks the reader reads it exactly as {@link ClientFrameModel} does, grows its buffer only to what was
     * received or to one frame of at most the limit, and frees every buffer it took. The first input byte picks
     * the piece size, the second the pause pattern; the rest is the stream. Seeds under
     * {@code FrameReaderTestInputs/clientStream}; see docs/fuzzing.md.
     */
    @FuzzTest(maxDuration = "60s")
    void clientStream(byte[] input) {
        if (input.length < 2) {
            return; // no piece size and pause pattern: nothing to feed
        }
        int pieceBytes = (input[0] & 0x3f) + 1;
        int pausePattern = input[1] & 0xff;
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);
        BoundedAllocator bounded = new BoundedAllocator();
        Recorder events = new Recorder();
        FrameReader fuzzed = new FrameReader(FUZZ_MAX_FRAME_BYTES, bounded);
        List<ByteBuf> fed = new ArrayList<>();
        int piece = 0;
        for (int offset = 0; offset < stream.length; offset += pieceBytes, piece++) {
            int end = Math.min(stream.length, offset + pieceBytes);
            events.accepting = (pausePattern & (1 << (piece % 8))) == 0;
            bounded.received += end - offset;
            ByteBuf bytes = Unpooled.copiedBuffer(stream, offset, end - offset);
            fed.add(bytes);
            fuzzed.feed(bytes, events);
        }
        events.accepting = true;
        fuzzed.drain(events);
        fuzzed.release();
        assertEquals(ClientFrameModel.events(stream, FUZZ_MAX_FRAME_BYTES), events.seen);
        for (ByteBuf bytes : fed) {
            assertEquals(0, bytes.refCnt(), "the reader keeps no buffer after release");
        }
    }

    /** Refuses to hand out a buffer larger than the bytes received so far or one frame with its prefix. */
    private static final class BoundedAllocator extends AbstractByteBufAllocator {
        int received;

        BoundedAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            checkBound(initialCapacity);
            return Unpooled.buffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            checkBound(initialCapacity);
            return Unpooled.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        private void checkBound(int capacity) {
            assertTrue(capacity <= Math.max(received, FUZZ_MAX_FRAME_BYTES + 4),
                    "asked for " + capacity + " bytes after receiving " + received);
        }
    }
}
