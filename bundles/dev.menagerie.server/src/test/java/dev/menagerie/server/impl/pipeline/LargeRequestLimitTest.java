package dev.menagerie.server.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.OpCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apache's largeRequestMaxBytes and largeRequestThreshold, as zoo.cfg sets them and as admission applies them. */
class LargeRequestLimitTest {

    @Test
    void unsetOrOutOfRangeValuesFallBackAsApachesDo() {
        assertEquals(LargeRequestLimit.DEFAULT, LargeRequestLimit.parse(null, null), "off, 100 MiB");
        assertEquals(new LargeRequestLimit(LargeRequestLimit.DEFAULT_MAX_BYTES, LargeRequestLimit.OFF),
                LargeRequestLimit.parse("0", "0"), "a maximum of 0 keeps the default; a threshold of 0 turns it off");
        assertEquals(new LargeRequestLimit(2048, 512), LargeRequestLimit.parse(" 2048 ", "512"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LargeRequestLimit.parse(null, "1k"));
        assertTrue(e.getMessage().startsWith("largeRequestThreshold"), e.getMessage());
    }

    @Test
    void largeRequestsShareTheMaximumUntilTheyAreReleased() {
        Admission admission = new Admission(1000, new LargeRequestLimit(100, 50));
        assertEquals(0, admission.reserveLarge(50), "not above the threshold: not large");
        assertEquals(60, admission.reserveLarge(60));
        assertEquals(Admission.REFUSED, admission.reserveLarge(60), "60 + 60 is over 100");
        Request held = new Request(null, 1, 1, OpCode.PING, new byte[0], List.of());
        held.largeRequestBytes(60);
        admission.admit();
        admission.release(held);
        assertEquals(0, admission.largeRequestBytes());
        assertEquals(60, admission.reserveLarge(60), "the released bytes are free again");
    }
}
