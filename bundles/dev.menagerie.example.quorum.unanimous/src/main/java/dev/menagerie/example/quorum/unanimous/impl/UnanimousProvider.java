package dev.menagerie.example.quorum.unanimous.impl;

import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.quorum.QuorumVerifierFactory;

/** The unanimous strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class UnanimousProvider extends BasicStrategyProvider<QuorumVerifierFactory> {

    public UnanimousProvider() {
        super(QuorumVerifierFactory.class, UnanimousVerifierFactory.TYPE_NAME,
                services -> new UnanimousVerifierFactory());
    }
}
