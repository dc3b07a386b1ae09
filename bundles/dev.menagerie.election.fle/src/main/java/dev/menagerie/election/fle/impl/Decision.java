package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import java.util.Set;

/**
 * The end of a round.
 *
 * @param vote the elected leader; its state is {@code role}
 * @param role LEADING when we are the leader, else FOLLOWING, or OBSERVING for an observer
 * @param supporters the voters whose ballots made the quorum (a new leader waits for them first)
 */
public record Decision(Vote vote, PeerState role, Set<Long> supporters) {

    public Decision {
        supporters = Set.copyOf(supporters);
    }
}
