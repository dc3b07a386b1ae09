package dev.menagerie.quorum.impl.peer;

import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.QuorumPeerFactory;

/** The zab strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class ZabPeerProvider extends BasicStrategyProvider<QuorumPeerFactory> {

    public ZabPeerProvider() {
        super(QuorumPeerFactory.class, "zab", services -> {
            ZabPeerFactory peers = new ZabPeerFactory(services.service(ElectionFactory.class),
                    services.service(MetricsRegistry.class));
            peers.bindVerifier(services.service(QuorumVerifier.class));
            return peers;
        });
    }
}
