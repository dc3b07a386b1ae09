package dev.menagerie.embedded;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.embed.ProvidedStrategies;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The services one server runs on, made by the strategy providers {@link ServiceLoader} finds (on the class path
 * from the jars' {@code META-INF/services}, on the module path from their module descriptors) with the types its
 * zoo.cfg names, as the module-path launcher makes them. Each server gets its own, so servers in one JVM share
 * nothing but classes.
 */
record ServerServices(MetricsRegistry metrics, StorageFactory storage, ServerCnxnFactory transport,
        ProvidedStrategies strategies) {

    /** @throws IllegalStateException naming each role whose type no jar or module provides */
    static ServerServices of(ServerConfig config) {
        List<StrategyProvider<?>> providers = providers();
        ProvidedStrategies.Source source = source();
        List<String> problems = ProvidedStrategies.problems(config, providers, source);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        ProvidedStrategies strategies = new ProvidedStrategies(providers, config, source);
        MetricsRegistry metrics = first(MetricsRegistry.class, "dev.menagerie.metrics");
        strategies.offer(MetricsRegistry.class, metrics);
        return new ServerServices(metrics, strategies.chosen(StrategyTargets.STORAGE, StorageFactory.class),
                strategies.chosen(StrategyTargets.CNXN_FACTORY, ServerCnxnFactory.class), strategies);
    }

    /** Zab peers electing with zoo.cfg's election algorithm and deciding quorums with its verifier. */
    QuorumPeerFactory peers() {
        return strategies.peers();
    }

    /** A new instance of the one provider of {@code service}, which {@code module} (a dependency) brings. */
    static <S> S first(Class<S> service, String module) {
        return ServiceLoader.load(service).findFirst().orElseThrow(() -> new IllegalStateException("no "
                + service.getSimpleName() + " on " + source().place() + ": " + module + " is missing"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<StrategyProvider<?>> providers() {
        return (List) ServiceLoader.load(StrategyProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The module path when this library runs as a (named, automatic) module there. */
    private static ProvidedStrategies.Source source() {
        return ServerServices.class.getModule().isNamed() ? ProvidedStrategies.Source.MODULE_PATH
                : ProvidedStrategies.Source.CLASS_PATH;
    }
}
