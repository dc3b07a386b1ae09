package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Optional;

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

    /**
     * Why {@code targetSid} cannot take over from leader {@code leaderSid}, or null when it can: it must be a voting
     * member connected as a follower and in sync.
     *
     * @param role how the target is registered with the leader, null when it is not connected
     */
    static String refusal(long targetSid, long leaderSid, QuorumVerifier verifier, LearnerRole role, boolean inSync) {
        if (targetSid == leaderSid) {
            return "server " + targetSid + " leads already";
        }
        if (!verifier.votingMembers().contains(targetSid)) {
            return "server " + targetSid + " is not a voting member" + (role == null ? "" : " (an observer or"
                    + " non-voting follower cannot lead)");
        }
        if (role != LearnerRole.FOLLOWER || !inSync) {
            return "server " + targetSid + " is not connected to this leader as a follower in sync";
        }
        return null;
    }

    /**
     * While catching up: the handover proposal, once every proposal before it is proposed (the report of the hold
     * may overtake the last ones), committed and logged by the target. It goes to the target alone and is not
     * logged by the leader, so that the target alone holds its zxid.
     */
    Optional<LeaderOutput> proposalOnceCaughtUp(BroadcastCore broadcast) {
        if (step != Step.CATCHING_UP) {
            return Optional.empty();
        }
        long last = zxid - 1;
        assert broadcast.lastProposedZxid() <= last : "proposal 0x" + Long.toHexString(broadcast.lastProposedZxid())
                + " while requests are held";
        if (broadcast.lastProposedZxid() < last || broadcast.lastCommittedZxid() < last
                || !broadcast.hasLogged(targetSid, last)) {
            return Optional.empty();
        }
        step = Step.CONFIRMING;
        return Optional.of(new LeaderOutput.Send(targetSid, ZabPacketType.PROPOSAL, zxid, txn));
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
}
