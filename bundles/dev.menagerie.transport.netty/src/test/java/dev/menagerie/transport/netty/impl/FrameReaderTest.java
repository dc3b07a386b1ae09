package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

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
            seen.add(StandardCharsets.US_ASCII.decode(frame).toString());
        }

        @Override
        public void fourLetterWord(String command) {
            seen.add("4lw:" + command);
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
        assertEquals(List.of("a", "", "bc"), recorder.seen);
        assertEquals(0, reader.bufferedBytes());
    }

    @Test
    void frameSpreadOverManyReadsIsDeliveredOnceComplete() {
        ByteBuf all = wire("x".repeat(90));
        while (all.isReadable()) {
            reader.feed(all.readRetainedSlice(Math.min(7, all.readableBytes())), recorder);
        }
        all.release();
        assertEquals(List.of("x".repeat(90)), recorder.seen);
    }

    @Test
    void pausedReaderKeepsFramesUntilDrained() {
        recorder.accepting = false;
        reader.feed(wire("one", "two"), recorder);
        assertEquals(List.of(), recorder.seen);
        recorder.accepting = true;
        reader.drain(recorder);
        assertEquals(List.of("one", "two"), recorder.seen);
    }

    @Test
    void fourLetterWordCountsOnlyAtTheStartOfAConnection() {
        reader.feed(wire("first"), recorder);
        reader.feed(Unpooled.copiedBuffer("ruok", StandardCharsets.US_ASCII), recorder);
        assertEquals(List.of("first", "bad:" + 0x72756f6b), recorder.seen);

        FrameReader fresh = new FrameReader(100, allocator);
        fresh.feed(Unpooled.copiedBuffer("ruokmore", StandardCharsets.US_ASCII), recorder);
        assertEquals("4lw:ruok", recorder.seen.get(2));
        assertEquals(3, recorder.seen.size(), "nothing is read after a four-letter word");
    }

    @Test
    void lengthAboveTheLimitIsReportedAndLaterBytesAreDropped() {
        reader.feed(Unpooled.buffer().writeInt(101), recorder);
        reader.feed(wire("late"), recorder);
        assertEquals(List.of("bad:101"), recorder.seen);
        assertEquals(0, reader.bufferedBytes());
    }
}
