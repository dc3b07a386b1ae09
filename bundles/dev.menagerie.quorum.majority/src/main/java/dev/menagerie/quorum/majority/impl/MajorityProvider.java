package dev.menagerie.quorum.majority.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.quorum.QuorumVerifierFactory;

/** The majority strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class MajorityProvider extends BasicStrategyProvider<QuorumVerifierFactory> {

    public MajorityProvider() {
        super(QuorumVerifierFactory.class, ServerConfig.DEFAULT_VERIFIER, services -> new MajorityVerifierFactory());
    }
}
