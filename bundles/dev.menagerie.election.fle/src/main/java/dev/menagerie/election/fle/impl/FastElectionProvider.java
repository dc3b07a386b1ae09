package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import java.lang.annotation.Annotation;

/** The fast strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class FastElectionProvider extends BasicStrategyProvider<ElectionFactory> {

    /** The component's configuration as Declarative Services gives it when Configuration Admin holds none. */
    private static final FastElectionFactory.Config DEFAULTS = new FastElectionFactory.Config() {
        @Override
        public int cnxTimeout() {
            return FastElectionFactory.DEFAULT_CNX_TIMEOUT_MS;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return FastElectionFactory.Config.class;
        }
    };

    public FastElectionProvider() {
        super(ElectionFactory.class, FastElectionFactory.TYPE, services -> new FastElectionFactory(DEFAULTS));
    }
}
