package dev.menagerie.transport.nio.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.testing.ClientFrameModel;
import dev.menagerie.testing.RandomInputs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    /** Small, so the fuzzer reaches the limit in both directions. */
    private static final int FUZZ_MAX_FRAME_BYTES = 64;

    private final List<String> seen = new ArrayList<>();
    private int largestFrameCapacity;
    /** How many events the listener takes before it stops accepting frames. */
    private int framesAccepted = Integer.MAX_VALUE;
    private final FrameDecoder.Listener listener = new FrameDecoder.Listener() {
        @Override
        public void frame(ByteBuffer frame) {
            largestFrameCapacity = Math.max(largestFrameCapacity, frame.capacity());
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

        @Override
        public boolean accepting() {
            return seen.size() < framesAccepted;
        }
    };

    private static ByteBuffer frames(String... payloads) {
        ByteBuffer out = ByteBuffer.allocate(1024);
        for (String p : payloads) {
            byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
            out.putInt(bytes.length).put(bytes);
        }
        return out.flip();
    }

    @Test
    void severalFramesInOneReadAreAllDelivered() {
        new FrameDecoder(100).feed(frames("a", "", "bcd"), listener);
        assertEquals(List.of("frame:a", "frame:", "frame:bcd"), seen);
    }

    @Test
    void aLargeFrameHoldsMemoryForWhatArrivedNotForWhatWasAnnounced() {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        decoder.feed(ByteBuffer.allocate(4 + 10).putInt(0, 1 << 20), listener);
        assertEquals(FrameDecoder.INITIAL_BODY_BYTES, decoder.partialFrameCapacity());
        decoder.feed(ByteBuffer.allocate(100_000), listener);
        assertTrue(decoder.partialFrameCapacity() <= 2 * 100_010, "holds " + decoder.partialFrameCapacity());
        decoder.feed(ByteBuffer.allocate((1 << 20) - 100_010), listener);
        assertEquals(List.of(1 << 20), seen.stream().map(String::length).map(n -> n - "frame:".length()).toList());
        assertEquals(0, decoder.partialFrameCapacity());
    }

    @Test
    void aListenerThatStopsAcceptingLeavesTheNextFramesInTheInput() {
        framesAccepted = 1;
        ByteBuffer input = frames("a", "bc");
        new FrameDecoder(100).feed(input, listener);
        assertEquals(List.of("frame:a"), seen);
        assertEquals(4 + 2, input.remaining(), "the second frame stays unread");
    }

    @Test
    void fourLetterWordOnlyCountsAtTheStartOfAConnection() {
        FrameDecoder decoder = new FrameDecoder(100);
        decoder.feed(ByteBuffer.wrap("stat".getBytes(StandardCharsets.US_ASCII)), listener);
        assertEquals(List.of("4lw:stat"), seen);

        seen.clear();
        FrameDecoder later = new FrameDecoder(Integer.MAX_VALUE);
        later.feed(frames("x"), listener);
        later.feed(ByteBuffer.wrap("ruok".getBytes(StandardCharsets.US_ASCII)), listener);
        assertEquals("frame:x", seen.get(0));
        assertTrue(seen.size() == 1, "after the first frame, 'ruok' is just the start of a huge length: " + seen);
    }

    @Test
    void stmkIsHandedOverWithTheEightBytesThatFollowItAndNothingAfterThem() {
        FrameDecoder decoder = new FrameDecoder(100);
        ByteBuffer wire = ByteBuffer.allocate(16).put("stmk".getBytes(StandardCharsets.US_ASCII)).putLong(-7L)
                .putInt(1).flip();
        decoder.feed(wire.slice(0, 6), listener);
        assertEquals(List.of("awaiting:stmk"), seen);
        assertEquals("stmk", decoder.awaitedArgumentOf());
        decoder.feed(wire.slice(6, 10), listener);
        assertEquals(List.of("awaiting:stmk", "4lw:stmk -7"), seen);
        assertNull(decoder.awaitedArgumentOf());
    }

    @Test
    void lengthAboveTheLimitIsReportedAndStopsDecoding() {
        FrameDecoder decoder = new FrameDecoder(10);
        ByteBuffer input = ByteBuffer.allocate(20).putInt(11).putInt(3).flip();
        decoder.feed(input, listener);
        assertEquals(List.of("bad:11"), seen);
    }

    @Test
    void onlyLowercaseLettersSpellAWord() {
        assertEquals("mntr", FrameDecoder.fourLetterWord(ByteBuffer.wrap("mntr".getBytes()).getInt()));
        assertNull(FrameDecoder.fourLetterWord(ByteBuffer.wrap("MNTR".getBytes()).getInt()));
        assertNull(FrameDecoder.fourLetterWord(44));
    }

    @Test
    void decoderIsIdleOnlyBetweenFrames() {
        FrameDecoder decoder = new FrameDecoder(100);
        ByteBuffer whole = frames("hello");
        decoder.feed(whole.slice(0, 6), listener);
        assertTrue(!decoder.idle());
        decoder.feed(whole.slice(6, whole.limit() - 6), listener);
        assertTrue(decoder.idle());
        assertEquals(List.of("frame:hello"), seen);
    }

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "clientStream").run(this::clientStream);
    }

    /**
     * Feeds a client byte stream in pieces of a fuzzed size and checks the decoder reads it exactly as
     * {@link ClientFrameModel} does and never allocates a frame above the limit. The first input byte picks the
     * piece size; the rest is the stream. Seeds under {@code FrameDecoderTestInputs/clientStream}; docs/fuzzing.md.
     */
    @FuzzTest(maxDuration = "60s")
    void clientStream(byte[] input) {
        if (input.length == 0) {
            return; // no piece size: nothing to feed
        }
        seen.clear();
        largestFrameCapacity = 0;
        int pieceBytes = (input[0] & 0x3f) + 1;
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        FrameDecoder decoder = new FrameDecoder(FUZZ_MAX_FRAME_BYTES);
        for (int offset = 0; offset < stream.length; offset += pieceBytes) {
            decoder.feed(ByteBuffer.wrap(stream, offset, Math.min(pieceBytes, stream.length - offset)), listener);
        }
        assertEquals(ClientFrameModel.events(stream, FUZZ_MAX_FRAME_BYTES), seen);
        assertTrue(largestFrameCapacity <= FUZZ_MAX_FRAME_BYTES, "allocated " + largestFrameCapacity + " bytes");
    }
}
