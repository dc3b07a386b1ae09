package dev.menagerie.quorum.impl.zab;

/** A learner that finished syncing and receives the broadcast, with the tick it was last heard from. */
final class ConnectedLearner {

    private final long sid;
    private final LearnerRole role;
    private long lastHeardTick;

    ConnectedLearner(long sid, LearnerRole role, long syncedTick) {
        this.sid = sid;
        this.role = role;
        this.lastHeardTick = syncedTick;
    }

    long sid() {
        return sid;
    }

    LearnerRole role() {
        return role;
    }

    boolean isFollower() {
        return role == LearnerRole.FOLLOWER;
    }

    void heardAt(long tick) {
        lastHeardTick = tick;
    }

    /** Apache's LearnerHandler.synced(): the ack deadline, syncLimit ticks after the last packet, has not passed. */
    boolean heardWithin(long nowTick, int syncLimitTicks) {
        return nowTick <= lastHeardTick + syncLimitTicks;
    }
}
