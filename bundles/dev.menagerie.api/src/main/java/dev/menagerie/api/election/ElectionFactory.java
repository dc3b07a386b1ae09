package dev.menagerie.api.election;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates leader elections; registered as a service with the property {@value #TYPE} ({@code fast} for
 * FastLeaderElection, the only algorithm Apache ZooKeeper 3.9 accepts).
 */
@ConsumerType
public interface ElectionFactory {

    /** Service property naming the algorithm. */
    String TYPE = "type";

    /** Opens the election port for {@code context}'s peer and starts answering notifications. */
    Election create(ElectionContext context) throws IOException;
}
