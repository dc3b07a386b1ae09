package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.quorum.QuorumVerifier;

/** What to register, decided by {@link VerifierPlanner}; every plan but {@link Publish} and {@link Hold} registers nothing. */
sealed interface VerifierPlan {

    /** Register this verifier, then withdraw the previous one. */
    record Publish(QuorumVerifier verifier, String type, long revision) implements VerifierPlan {
    }

    /** Keep whatever is registered: the config and the strategy targets are of different revisions, or no config. */
    record Hold(long configRevision, long targetsRevision) implements VerifierPlan {
    }

    /** A standalone server has no quorum. */
    record Standalone() implements VerifierPlan {
    }

    /** No factory of the configured type is bound. */
    record Missing(String type) implements VerifierPlan {
    }

    /** The factory rejected the ensemble with a message for the operator. */
    record Rejected(String type, long revision, String reason) implements VerifierPlan {
    }

    /** The factory failed in a way it did not mean to: a bug in the plugin. */
    record Broken(String type, long revision, RuntimeException error) implements VerifierPlan {
    }

    /** The component is deactivated. */
    record Closed() implements VerifierPlan {
    }
}
