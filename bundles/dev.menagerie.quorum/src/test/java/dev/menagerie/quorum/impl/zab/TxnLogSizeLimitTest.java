package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TxnLogSizeLimitTest {

    @Test
    void limitIsTheSnapshotSizeTimesTheFactor() {
        TxnLogSizeLimit limit = TxnLogSizeLimit.of(1000, 0.5);
        assertTrue(limit.allows(500));
        assertFalse(limit.allows(501));
    }

    @Test
    void factorAboveOneFallsBackToTheDefault() {
        assertEquals(TxnLogSizeLimit.of(1000, TxnLogSizeLimit.DEFAULT_SNAPSHOT_SIZE_FACTOR), TxnLogSizeLimit.of(1000, 2.0));
    }

    @Test
    void negativeFactorDisablesDiskSync() {
        assertFalse(TxnLogSizeLimit.of(1000, -1).enabled());
        assertFalse(TxnLogSizeLimit.of(1000, -1).allows(0));
    }

    @Test
    void withoutASnapshotTheLimitIsUnlimited() {
        assertTrue(TxnLogSizeLimit.of(0, 0.33).allows(Long.MAX_VALUE));
    }
}
