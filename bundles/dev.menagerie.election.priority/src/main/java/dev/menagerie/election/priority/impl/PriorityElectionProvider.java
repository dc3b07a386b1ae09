package dev.menagerie.election.priority.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.election.fle.spi.TieBreakingElectionFactory;

/** The priority strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class PriorityElectionProvider extends BasicStrategyProvider<ElectionFactory> {

    public PriorityElectionProvider() {
        super(ElectionFactory.class, PriorityElectionFactory.TYPE, services -> new PriorityElectionFactory(
                services.strategy(TieBreakingElectionFactory.class, "fast"), services.service(ServerConfig.class)));
    }
}
