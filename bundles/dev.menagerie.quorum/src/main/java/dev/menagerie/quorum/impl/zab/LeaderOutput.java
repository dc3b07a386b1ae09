package dev.menagerie.quorum.impl.zab;

/**
 * What the leader's cores ({@link LeaderCore}, and {@link BroadcastCore} within it) ask their caller to do, in list
 * order; {@link LeaderEffects} carries them out on the sockets, disk and server behind its seams.
 */
sealed interface LeaderOutput {

    /** Send one Zab packet to a learner. The payload is the transaction for PROPOSAL and INFORM. */
    record Send(long toSid, ZabPacketType type, long zxid, byte[] payload) implements LeaderOutput {
    }

    /** Send SNAP with {@code zxid}, then stream the data tree (fuzzy, as of at least {@code zxid}) to a learner. */
    record SendSnapshot(long toSid, long zxid) implements LeaderOutput {
    }

    /**
     * Read the log from {@code fromZxid} (a learner's last zxid, behind the in-memory window) off the role's thread,
     * within the snapshotSizeFactor budget, and give the core what was read ({@link LeaderCore#logRead}).
     */
    record ReadLog(long sid, long fromZxid) implements LeaderOutput {
    }

    /** Persist the {@code acceptedEpoch} file before anything after this output is sent. */
    record AcceptEpoch(long epoch) implements LeaderOutput {
    }

    /** Persist the {@code currentEpoch} file. */
    record SetCurrentEpoch(long epoch) implements LeaderOutput {
    }

    /** A quorum acked NEWLEADER: serve clients, the first write getting the zxid after {@code epochStartZxid}. */
    record StartServing(long epochStartZxid) implements LeaderOutput {
    }

    /**
     * A quorum logged the proposal: complete the future its {@code propose} returned, after which the server applies
     * it. Commits come strictly in zxid order.
     */
    record Commit(long zxid, byte[] txn) implements LeaderOutput {
    }

    /** Everything proposed before the sync request of {@code sid} is committed (the leader's own id: a local one). */
    record SyncReady(long sid) implements LeaderOutput {
    }

    /** Drop one learner's connection; it will rejoin through election or reconnect. */
    record CloseLearner(long sid, String reason) implements LeaderOutput {
    }

    /** Stop leading and go back to election. The core ignores every input after this. */
    record GiveUp(String reason) implements LeaderOutput {
    }

    /** A leadership transfer starts: hold the server's requests, then report the last zxid given. */
    record HoldRequests(long targetSid) implements LeaderOutput {
    }

    /** A leadership transfer is refused before it started; nothing was held. */
    record TransferRefused(long targetSid, String reason) implements LeaderOutput {
    }

    /** A leadership transfer is given up: let the held requests through and go on leading. */
    record ReleaseRequests(long targetSid, String reason) implements LeaderOutput {
    }

    /**
     * Stop leading for a leadership transfer: the target logged the handover proposal (or, when {@code confirmed}
     * is false, it had it sent and then failed to confirm in time). The core ignores every input after this.
     */
    record SteppedDown(long targetSid, boolean confirmed, String reason) implements LeaderOutput {
    }
}
