package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Brings a leader's core of {1, 2, 3} at epoch 2 to broadcast in epoch 3, with follower 2 level with it. */
final class EstablishedLeaders {

    static final long EPOCH_3 = Zxids.of(3, 0);

    private EstablishedLeaders() {
    }

    static LeaderCore establish(LeaderCore core, long lastZxid) {
        core.start();
        core.learnerInfo(2, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(2, 2, lastZxid);
        core.ack(2, EPOCH_3);
        assertTrue(core.isBroadcasting());
        return core;
    }
}
