package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.ServerConfig;

/**
 * Everything the choice of verifier depends on, as one immutable value so that a change from any thread replaces it
 * atomically.
 *
 * @param config the bound ServerConfig, or null
 * @param factory the bound factory, or null
 * @param targetsRevision the config revision the strategy targets were written for, or {@link #UNKNOWN_REVISION}
 * @param phase whether the component is still binding, active or deactivated
 */
record VerifierInputs(ServerConfig config, BoundFactory factory, long targetsRevision, Phase phase) {

    /** Declarative Services binds references before it activates: decisions wait for activation, so no warning is
     *  logged for a factory that is about to be bound. */
    enum Phase {
        BINDING, ACTIVE, CLOSED
    }

    static final long UNKNOWN_REVISION = -1L;
    static final VerifierInputs NONE = new VerifierInputs(null, null, UNKNOWN_REVISION, Phase.BINDING);

    VerifierInputs withConfig(ServerConfig newConfig) {
        return new VerifierInputs(newConfig, factory, targetsRevision, phase);
    }

    VerifierInputs withFactory(BoundFactory newFactory) {
        return new VerifierInputs(config, newFactory, targetsRevision, phase);
    }

    VerifierInputs withTargetsRevision(long revision) {
        return new VerifierInputs(config, factory, revision, phase);
    }

    VerifierInputs activated(long revision) {
        return phase == Phase.CLOSED ? this : new VerifierInputs(config, factory, revision, Phase.ACTIVE);
    }

    VerifierInputs closed() {
        return new VerifierInputs(config, factory, targetsRevision, Phase.CLOSED);
    }

    /** This value without {@code config}, when {@code config} is the one it holds (greedy rebinding binds first). */
    VerifierInputs withoutConfig(ServerConfig unbound) {
        return config == unbound ? withConfig(null) : this;
    }

    /** This value without the factory service {@code unbound}, when that is the one it holds. */
    VerifierInputs withoutFactory(Object unbound) {
        return factory != null && factory.factory() == unbound ? withFactory(null) : this;
    }

    /** True when {@code other} would build from the same config and factory, so an existing verifier still fits. */
    boolean sameSourceAs(VerifierInputs other) {
        return other != null && phase == Phase.ACTIVE && other.phase == Phase.ACTIVE && config == other.config
                && java.util.Objects.equals(factory, other.factory);
    }
}
