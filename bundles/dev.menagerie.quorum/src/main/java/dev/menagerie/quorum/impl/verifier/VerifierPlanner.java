package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Broken;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Closed;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Hold;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Missing;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Publish;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Rejected;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Standalone;

/** Decides which verifier to register for a config and a bound factory. No OSGi, no state. */
final class VerifierPlanner {

    private VerifierPlanner() {
    }

    static VerifierPlan plan(VerifierInputs inputs) {
        ServerConfig config = inputs.config();
        if (inputs.phase() == VerifierInputs.Phase.CLOSED) {
            return new Closed();
        }
        if (inputs.phase() == VerifierInputs.Phase.BINDING || config == null) {
            return new Hold(config == null ? VerifierInputs.UNKNOWN_REVISION : config.revision(),
                    inputs.targetsRevision());
        }
        if (config.standalone()) {
            return new Standalone();
        }
        BoundFactory bound = inputs.factory();
        if (bound != null && bound.type().equals(config.verifierType())) {
            return build(bound, config);
        }
        if (bound != null || targetsDisagree(inputs)) {
            // A zoo.cfg edit reaches us in two parts, the ServerConfig and the strategy targets (which make
            // Declarative Services rebind the factory). Until both have arrived, keep what is registered rather than
            // warn about a factory that is on its way.
            return new Hold(config.revision(), inputs.targetsRevision());
        }
        return new Missing(config.verifierType());
    }

    private static boolean targetsDisagree(VerifierInputs inputs) {
        return inputs.targetsRevision() != VerifierInputs.UNKNOWN_REVISION
                && inputs.targetsRevision() != inputs.config().revision();
    }

    private static VerifierPlan build(BoundFactory bound, ServerConfig config) {
        try {
            QuorumVerifier verifier = bound.factory().create(config.members());
            if (verifier == null) {
                return new Broken(bound.type(), config.revision(), new NullPointerException("create returned null"));
            }
            return new Publish(verifier, bound.type(), config.revision());
        } catch (IllegalArgumentException e) {
            return new Rejected(bound.type(), config.revision(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return new Broken(bound.type(), config.revision(), e);
        }
    }
}
