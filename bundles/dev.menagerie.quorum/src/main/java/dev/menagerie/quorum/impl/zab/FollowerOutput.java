package dev.menagerie.quorum.impl.zab;

/**
 * What the learner's core asks its caller to do, in list order; {@link LearnerEffects} carries them out on the
 * connection, the transaction log, the snapshot files and the data tree behind its seams. An output that writes to
 * disk ({@link TruncateLog}, {@link LoadSnapshotFromLeader}, {@link TakeSnapshot}, {@link AcceptEpoch}, {@link
 * SetCurrentEpoch}) completes before the caller carries out the next one, except {@link AppendToLog}, whose
 * completion the caller reports back with {@code logged(zxid)}.
 */
sealed interface FollowerOutput {

    /** Send a discovery packet: FOLLOWERINFO or OBSERVERINFO first, ACKEPOCH on LEADERINFO. */
    record Send(ZabPacketType type, long zxid, byte[] payload) implements FollowerOutput {
    }

    /** Persist {@code epoch} in the {@code acceptedEpoch} file before the ACKEPOCH that follows is sent. */
    record AcceptEpoch(long epoch) implements FollowerOutput {
    }

    /** Start writing a proposal to the transaction log; report {@code logged(zxid)} once it is durable. */
    record AppendToLog(long zxid, byte[] txn) implements FollowerOutput {
    }

    /** Drop every logged transaction after {@code zxid}, as the leader's TRUNC asks. */
    record TruncateLog(long zxid) implements FollowerOutput {
    }

    /**
     * The data tree is replaced by the leader's snapshot, the state up to {@code zxid}. The snapshot follows SNAP
     * on the stream, so whoever reads the connection loads it into the replica before handing SNAP on.
     */
    record LoadSnapshotFromLeader(long zxid, byte[] snapshot) implements FollowerOutput {
    }

    /** Persist a snapshot of the data tree: after SNAP or TRUNC the log alone no longer rebuilds it. */
    record TakeSnapshot() implements FollowerOutput {
    }

    /** Persist {@code epoch} in the {@code currentEpoch} file; comes right before the ACK of NEWLEADER. */
    record SetCurrentEpoch(long epoch) implements FollowerOutput {
    }

    /** Apply a committed, logged transaction to the data tree; these come strictly in zxid order. */
    record Apply(long zxid, byte[] txn) implements FollowerOutput {
    }

    /** Send an ACK packet for {@code zxid}: a logged proposal, or the epoch start for NEWLEADER and UPTODATE. */
    record SendAck(long zxid) implements FollowerOutput {
    }

    /** Answer the leader's PING (the caller adds its session data to the reply). */
    record SendPingReply(long zxid) implements FollowerOutput {
    }

    /** UPTODATE arrived: the server starts serving clients under the leader of {@code epoch}. */
    record StartServing(long epoch) implements FollowerOutput {
    }

    /** Stop following and go back to election; the core ignores every input after this. */
    record LeaderLost(String reason) implements FollowerOutput {
    }
}
