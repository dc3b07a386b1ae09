package dev.menagerie.quorum.impl.zab;

/**
 * One leadership transfer's progress, as {@link LeaderCore} keeps it: the requests are held, then the target catches
 * up, then it confirms the handover proposal. Bounded by syncLimit ticks from the start.
 */
final class Handover {

    enum Step {
        /** Waiting for the server to stop giving zxids. */
        HOLDING,
        /** Requests held; waiting for the target to log, and a quorum to commit, every proposal. */
        CATCHING_UP,
        /** The handover proposal went to the target; waiting for its ack. */
        CONFIRMING
    }

    private final long targetSid;
    private final long startTick;
    private Step step = Step.HOLDING;
    private long zxid = -1;
    private byte[] txn;

    Handover(long targetSid, long startTick) {
        this.targetSid = targetSid;
        this.startTick = startTick;
    }

    long targetSid() {
        return targetSid;
    }

    Step step() {
        return step;
    }

    long zxid() {
        return zxid;
    }

    byte[] txn() {
        return txn;
    }

    boolean expired(long nowTick, int limitTicks) {
        return nowTick - startTick > limitTicks;
    }

    /** The server gives no zxid after {@code lastGivenZxid}: the handover proposal takes the next one. */
    void held(long handoverZxid, byte[] handoverTxn) {
        assert step == Step.HOLDING : "held twice";
        step = Step.CATCHING_UP;
        zxid = handoverZxid;
        txn = handoverTxn;
    }

    void sent() {
        assert step == Step.CATCHING_UP : "handover proposal sent in step " + step;
        step = Step.CONFIRMING;
    }
}
