package dev.menagerie.api.replication;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.LearnerConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/** A running quorum peer. */
@ConsumerType
public interface QuorumPeer extends AutoCloseable {

    /** The role now, as four-letter words and the admin server report it. */
    PeerState state();

    /** The server id of the current leader, or -1 while looking. */
    long leaderId();

    /**
     * What {@code mntr} adds for this peer, keyed as Apache's metrics without the {@code zk_} prefix:
     * {@code peer_state} ("following - broadcast"); on the leader also {@code learners}, {@code synced_followers},
     * {@code synced_non_voting_followers}, {@code synced_observers}, {@code pending_syncs}, {@code leader_uptime}
     * and {@code last_proposal_size}, {@code min_proposal_size}, {@code max_proposal_size}. Iteration order is the
     * order to print.
     */
    Map<String, Object> monitorValues();

    /**
     * The Zab phase as Apache ZooKeeper names it in lower case: {@code election}, {@code discovery},
     * {@code synchronization} or {@code broadcast}. A peer that does not tell the phases of a role apart reports
     * {@code election} while looking and {@code broadcast} otherwise.
     */
    default String zabState() {
        return state() == PeerState.LOOKING ? "election" : "broadcast";
    }

    /**
     * How long the election took, in milliseconds, after which this peer last became the leader or a follower (not
     * an observer), as Apache's {@code ElectionTimeTaken}; 0 before that. A peer that does not measure it reports 0.
     *
     * @since 1.3
     */
    default long electionTimeTakenMs() {
        return 0;
    }

    /**
     * The learners connected to this peer while it leads, ordered by server id; empty otherwise. A peer that does
     * not keep track of them reports none.
     *
     * @since 1.3
     */
    default List<LearnerConnection> learnerConnections() {
        return List.of();
    }

    /**
     * While leading, drops the connection of the learner {@code sid}, which reconnects and syncs again.
     *
     * @return false when this peer does not lead, has no learner of that id, or cannot drop one
     * @since 1.3
     */
    default boolean terminateLearnerConnection(long sid) {
        return false;
    }

    /**
     * While leading, moves leadership to the voting follower {@code targetSid}: see {@link LeadershipTransfer}.
     * Refused (completed at once, not transferred) when this peer does not lead, the target is not a connected
     * voting follower in sync, or a transfer is under way.
     *
     * @since 1.4
     */
    default CompletionStage<LeadershipTransfer> transferLeadership(long targetSid) {
        return CompletableFuture.completedStage(LeadershipTransfer.refused(targetSid,
                "this quorum peer cannot transfer its leadership"));
    }

    /** Leaves the ensemble: ends the role, stops electing and closes the quorum and election ports. */
    @Override
    void close();
}
