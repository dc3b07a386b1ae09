package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.plugin.BasicStrategyProvider;

/** The fast strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class FastElectionProvider extends BasicStrategyProvider<ElectionFactory> {

    public FastElectionProvider() {
        super(ElectionFactory.class, FastElectionFactory.TYPE,
                services -> new FastElectionFactory(FastElectionFactory.DEFAULT_CNX_TIMEOUT_MS));
    }
}
