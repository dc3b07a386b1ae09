package dev.menagerie.quorum.impl.zab;

import java.util.HashMap;
import java.util.Map;

/**
 * The leader's limits on learner syncs in progress at once, as Apache's {@code leader.maxConcurrentSnapSyncs} (10)
 * and {@code leader.maxConcurrentDiffSyncs} (100): a sync starts when the leader chooses SNAP, or DIFF or TRUNC,
 * for a learner and ends when the learner acks NEWLEADER or goes away. Only observers are held to the limits;
 * followers keep the quorum up to date and are never refused, but they count. An observer over a limit is dropped
 * and syncs when it reconnects, as in Apache.
 */
final class SyncThrottle {

    static final int DEFAULT_MAX_SNAP_SYNCS = 10;
    static final int DEFAULT_MAX_DIFF_SYNCS = 100;
    static final String MAX_SNAP_SYNCS_KEY = "leader.maxConcurrentSnapSyncs";
    static final String MAX_DIFF_SYNCS_KEY = "leader.maxConcurrentDiffSyncs";

    private final int maxSnapSyncs;
    private final int maxDiffSyncs;
    /** The learners syncing, each with whether its sync is a snapshot. */
    private final Map<Long, Boolean> syncing = new HashMap<>();

    SyncThrottle(int maxSnapSyncs, int maxDiffSyncs) {
        if (maxSnapSyncs < 1 || maxDiffSyncs < 1) {
            throw new IllegalArgumentException("sync limits must be positive: " + maxSnapSyncs + ", "
                    + maxDiffSyncs);
        }
        this.maxSnapSyncs = maxSnapSyncs;
        this.maxDiffSyncs = maxDiffSyncs;
    }

    static SyncThrottle defaults() {
        return new SyncThrottle(DEFAULT_MAX_SNAP_SYNCS, DEFAULT_MAX_DIFF_SYNCS);
    }

    /**
     * Counts the sync of {@code sid}, unless {@code sid} is an observer and the limit of its kind is reached.
     *
     * @return null when the sync may go ahead, else why it may not
     */
    String begin(long sid, boolean observer, boolean snapshot) {
        int running = inProgress(snapshot);
        int limit = snapshot ? maxSnapSyncs : maxDiffSyncs;
        if (observer && running >= limit) {
            return "too many concurrent " + (snapshot ? "snapshot" : "diff") + " syncs: " + running
                    + " in progress, " + (snapshot ? MAX_SNAP_SYNCS_KEY : MAX_DIFF_SYNCS_KEY) + "=" + limit
                    + "; the observer syncs when it reconnects";
        }
        syncing.put(sid, snapshot);
        return null;
    }

    /** The sync of {@code sid} is over (NEWLEADER acked, or the learner gone); nothing when none was counted. */
    void end(long sid) {
        syncing.remove(sid);
    }

    int inProgress(boolean snapshot) {
        int count = 0;
        for (boolean kind : syncing.values()) {
            if (kind == snapshot) {
                count++;
            }
        }
        return count;
    }
}
