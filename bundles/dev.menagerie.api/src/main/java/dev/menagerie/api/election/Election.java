package dev.menagerie.api.election;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A leader election bound to one peer. It keeps answering other peers for as long as it is open, also while the
 * peer leads or follows.
 */
@ConsumerType
public interface Election extends AutoCloseable {

    /**
     * Starts a new round and completes with the elected vote; the peer then takes the role the vote gives it. A
     * round still under way is abandoned.
     */
    CompletionStage<Vote> lookForLeader();

    /** Stops answering and releases the election port. */
    @Override
    void close();
}
