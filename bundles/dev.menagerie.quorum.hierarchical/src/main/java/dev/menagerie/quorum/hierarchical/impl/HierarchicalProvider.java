package dev.menagerie.quorum.hierarchical.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.quorum.QuorumVerifierFactory;

/** The hierarchical strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class HierarchicalProvider extends BasicStrategyProvider<QuorumVerifierFactory> {

    public HierarchicalProvider() {
        super(QuorumVerifierFactory.class, ServerConfig.HIERARCHICAL_VERIFIER,
                services -> new HierarchicalVerifierFactory());
    }
}
