package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.election.fle.spi.TieBreak;
import dev.menagerie.election.fle.spi.TieBreakingElectionFactory;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * FastLeaderElection, the only algorithm Apache ZooKeeper 3.9 accepts, and the same with another tie-break for
 * election bundles built on it; closes every election still open, of either kind, on deactivation.
 */
@Component(service = {ElectionFactory.class, TieBreakingElectionFactory.class},
        property = ElectionFactory.TYPE + "=" + FastElectionFactory.TYPE, configurationPid = FastElectionFactory.PID)
@Designate(ocd = FastElectionFactory.Config.class)
public final class FastElectionFactory implements ElectionFactory, TieBreakingElectionFactory {

    static final String PID = "dev.menagerie.election.fle";
    static final String TYPE = "fast";
    /** Apache's {@code cnxTimeout} default; what the module path runs with (it has no Configuration Admin). */
    static final int DEFAULT_CNX_TIMEOUT_MS = 5000;

    @ObjectClassDefinition(name = "Menagerie fast leader election",
            description = "Apache ZooKeeper's FastLeaderElection and its election-port connections.")
    public @interface Config {

        @AttributeDefinition(name = "Connect timeout (ms)",
                description = "How long dialling a peer's election port may take (Apache's zookeeper.cnxTimeout).")
        int cnxTimeout() default DEFAULT_CNX_TIMEOUT_MS;
    }

    private final int cnxTimeoutMs;
    private final Set<FastElection> open = ConcurrentHashMap.newKeySet();

    @Activate
    public FastElectionFactory(Config config) {
        if (config.cnxTimeout() <= 0) {
            throw new IllegalArgumentException("cnxTimeout must be positive: " + config.cnxTimeout());
        }
        this.cnxTimeoutMs = config.cnxTimeout();
    }

    @Override
    public Election create(ElectionContext context) throws IOException {
        return create(context, TieBreak.SERVER_ID);
    }

    @Override
    public Election create(ElectionContext context, TieBreak tieBreak) throws IOException {
        FastElection election = FastElection.open(context, cnxTimeoutMs, Objects.requireNonNull(tieBreak, "tieBreak"),
                open::remove);
        open.add(election);
        return election;
    }

    @Deactivate
    void deactivate() {
        open.forEach(FastElection::close);
    }
}
