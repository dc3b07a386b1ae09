package dev.menagerie.api.quorum;

import dev.menagerie.api.config.QuorumMember;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Builds the {@link QuorumVerifier} for an ensemble. A bundle registers one of these as a service with the
 * property {@value #TYPE}; zoo.cfg selects it with {@code quorumVerifier=<type>}. Writing a custom verifier is
 * one class for this factory and one for the verifier.
 */
@ConsumerType
public interface QuorumVerifierFactory {

    /** Service property naming the strategy, for example {@code majority} or {@code hierarchical}. */
    String TYPE = "type";

    /**
     * Builds a verifier for these members (participants and observers, each with its group and weight).
     *
     * @throws IllegalArgumentException with a message for the operator when the members do not fit this strategy
     */
    QuorumVerifier create(List<QuorumMember> members);
}
