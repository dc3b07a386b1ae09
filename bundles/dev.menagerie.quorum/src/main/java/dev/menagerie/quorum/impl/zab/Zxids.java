package dev.menagerie.quorum.impl.zab;

/** A zxid is the leader's epoch in the high 32 bits and a counter within that epoch in the low 32 bits. */
final class Zxids {

    private static final long COUNTER_MASK = 0xffffffffL;

    private Zxids() {
    }

    static long of(long epoch, long counter) {
        return (epoch << 32) | (counter & COUNTER_MASK);
    }

    static long epoch(long zxid) {
        return zxid >>> 32;
    }

    static long counter(long zxid) {
        return zxid & COUNTER_MASK;
    }

    /** A new leader starts its epoch at counter 0, a zxid that names no transaction. */
    static boolean isEpochStart(long zxid) {
        return counter(zxid) == 0;
    }
}
