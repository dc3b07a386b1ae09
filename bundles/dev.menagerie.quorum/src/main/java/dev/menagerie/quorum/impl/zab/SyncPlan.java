package dev.menagerie.quorum.impl.zab;

import java.util.List;

/**
 * How the leader brings one learner up to date.
 *
 * @param kind the first packet: DIFF, TRUNC or SNAP
 * @param opZxid the zxid that packet carries: the leader's last committed zxid for DIFF, the zxid to truncate to
 *     for TRUNC, the snapshot's last zxid for SNAP
 * @param zxidsToSend committed proposals sent after it, each as PROPOSAL then COMMIT
 * @param forwardFromZxid the last zxid this plan covers; live broadcasts to the learner start after it
 */
record SyncPlan(Kind kind, long opZxid, List<Long> zxidsToSend, long forwardFromZxid) {

    enum Kind {
        DIFF, TRUNC, SNAP
    }

    SyncPlan {
        zxidsToSend = List.copyOf(zxidsToSend);
    }

    static SyncPlan snap(long lastProcessedZxid) {
        return new SyncPlan(Kind.SNAP, lastProcessedZxid, List.of(), lastProcessedZxid);
    }
}
