package dev.menagerie.quorum.impl.zab;

/** A learner that finished syncing and receives the broadcast, with the tick it was last heard from. */
final class ConnectedLearner {

    private final long sid;
    private final LearnerRole role;
    private long lastHeardTick;
    /** The highest zxid this learner is known to hold in its log: acks come in zxid order, after the log write. */
    private long loggedUpToZxid = -1;
    /** The last zxid sent before its NEWLEADER: logged once NEWLEADER is acked. */
    private long sentBeforeNewLeaderZxid = -1;

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

    void sentBeforeNewLeader(long zxid) {
        sentBeforeNewLeaderZxid = zxid;
    }

    /** NEWLEADER acked: everything sent before it is in the learner's log. */
    void newLeaderAcked() {
        loggedUpToZxid = Math.max(loggedUpToZxid, sentBeforeNewLeaderZxid);
    }

    void acked(long zxid) {
        loggedUpToZxid = Math.max(loggedUpToZxid, zxid);
    }

    long loggedUpToZxid() {
        return loggedUpToZxid;
    }

    /** Apache's LearnerHandler.synced(): the ack deadline, syncLimit ticks after the last packet, has not passed. */
    boolean heardWithin(long nowTick, int syncLimitTicks) {
        return nowTick <= lastHeardTick + syncLimitTicks;
    }
}
