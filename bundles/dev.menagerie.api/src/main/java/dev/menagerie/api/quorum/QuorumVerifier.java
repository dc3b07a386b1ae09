package dev.menagerie.api.quorum;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether a set of servers is a quorum. Implementations are pure and immutable: the same members and the
 * same ids always give the same answer, so election and Zab can call them from any thread.
 */
@ConsumerType
public interface QuorumVerifier {

    /**
     * The ids of the members whose votes count. Observers never vote; whether a participant of weight 0 votes is
     * the strategy's rule (majority ignores weights, as Apache ZooKeeper's QuorumMaj does; weighted strategies
     * leave such members out).
     */
    Set<Long> votingMembers();

    /** The weight of a member's vote; 0 for observers, unknown ids and members that never vote. */
    long weight(long serverId);

    /**
     * True when the servers in {@code serverIds} (acks, votes or connected followers) form a quorum. Ids that are
     * not voting members are ignored.
     */
    boolean containsQuorum(Set<Long> serverIds);
}
