package dev.menagerie.api.replication;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Starts quorum peers; registered with the property {@value #TYPE} ({@code zab} for Apache ZooKeeper's atomic
 * broadcast). The server calls it once its database is loaded and its client port is open.
 */
@ConsumerType
public interface QuorumPeerFactory {

    /** Service property naming the replication protocol. */
    String TYPE = "type";

    /**
     * Starts electing and then leading, following or observing over {@code replica}, on threads of its own, until
     * the returned peer is closed.
     */
    QuorumPeer start(Replica replica) throws IOException;
}
