package dev.menagerie.api.status;

/**
 * What the quorum peer driving the server reports about the ensemble, for the admin commands {@code leader} and
 * {@code zabstate}.
 *
 * @param leaderId the server id of the current leader, -1 while there is none (looking, or standalone)
 * @param zabState the Zab phase as Apache ZooKeeper names it in lower case: {@code election}, {@code discovery},
 *     {@code synchronization} or {@code broadcast}; empty on a standalone server
 */
public record QuorumStatus(long leaderId, String zabState) {

    /** A standalone server, or a replicated one no peer drives yet. */
    public static final QuorumStatus NONE = new QuorumStatus(-1, "");

    /** Whether a quorum peer drives the server. */
    public boolean replicated() {
        return !zabState.isEmpty();
    }
}
