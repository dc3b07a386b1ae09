package dev.menagerie.embedded;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.classpath.DeclarativeComponents;

/**
 * The services one server runs on, made from the bundles' component descriptions with the types its zoo.cfg names,
 * as Declarative Services would bind them in the runtime. Each server gets its own, so servers in one JVM share
 * nothing but classes.
 */
record ServerServices(MetricsRegistry metrics, StorageFactory storage, ServerCnxnFactory transport) {

    ServerServices(ServerConfig config) {
        this(DeclarativeComponents.create(MetricsRegistry.class).service(), config);
    }

    private ServerServices(MetricsRegistry metrics, ServerConfig config) {
        this(metrics, DeclarativeComponents.create(StorageFactory.class, StorageFactory.TYPE, config.storageType(),
                metrics).service(), DeclarativeComponents.create(ServerCnxnFactory.class, ServerCnxnFactory.TYPE,
                config.cnxnFactoryType(), metrics).service());
    }

    /** Zab peers electing with zoo.cfg's election algorithm and deciding quorums with its verifier. */
    QuorumPeerFactory peers(ServerConfig config) {
        ElectionFactory elections = DeclarativeComponents.create(ElectionFactory.class, ElectionFactory.TYPE,
                config.electionType()).service();
        QuorumVerifier verifier = DeclarativeComponents.create(QuorumVerifierFactory.class, QuorumVerifierFactory.TYPE,
                config.verifierType()).service().create(config.members());
        return DeclarativeComponents.create(QuorumPeerFactory.class, QuorumPeerFactory.TYPE, "zab", elections,
                metrics, verifier).service();
    }
}
