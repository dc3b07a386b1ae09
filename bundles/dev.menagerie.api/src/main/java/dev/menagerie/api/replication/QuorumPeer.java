package dev.menagerie.api.replication;

import dev.menagerie.api.election.PeerState;
import org.osgi.annotation.versioning.ConsumerType;

/** A running quorum peer. */
@ConsumerType
public interface QuorumPeer extends AutoCloseable {

    /** The role now, as four-letter words and the admin server report it. */
    PeerState state();

    /** The server id of the current leader, or -1 while looking. */
    long leaderId();

    /** Leaves the ensemble: ends the role, stops electing and closes the quorum and election ports. */
    @Override
    void close();
}
