package dev.menagerie.transport.nio.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final List<String> seen = new ArrayList<>();
    private final FrameDecoder.Listener listener = new FrameDecoder.Listener() {
        @Override
        public void frame(ByteBuffer frame) {
            seen.add("frame:" + StandardCharsets.UTF_8.decode(frame));
        }

        @Override
        public void fourLetterWord(String command) {
            seen.add("4lw:" + command);
        }

        @Override
        public void badLength(int declaredLength) {
            seen.add("bad:" + declaredLength);
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
}
