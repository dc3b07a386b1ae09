package dev.menagerie.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes one strategy of one plugin role outside an OSGi framework. A strategy bundle names its provider in a
 * {@code provides dev.menagerie.api.plugin.StrategyProvider with ...} clause of its module descriptor (bnd writes it
 * from an {@code osgi.serviceloader} capability); {@link java.util.ServiceLoader} finds it on the module path and
 * makes it with its public no-argument constructor. The provider makes the same class the bundle's Declarative
 * Services component registers in the OSGi runtime, with what the framework would inject.
 *
 * @param <S> the role's service interface
 */
@ConsumerType
public interface StrategyProvider<S> {

    /**
     * The service interface of the role this strategy plays: {@code ServerCnxnFactory}, {@code StorageFactory},
     * {@code ElectionFactory}, {@code QuorumVerifierFactory} or {@code QuorumPeerFactory}; or a service the
     * server uses without a choice in zoo.cfg, such as the admin module's {@code FourLetterWordHandler}.
     */
    Class<S> role();

    /** The strategy's {@code type} service property ({@code nio}, {@code file}, {@code fast}, ...) zoo.cfg names. */
    String type();

    /**
     * A new strategy, for one server. The caller closes it as the framework would deactivate the component: a
     * transport is stopped, storages and elections it opened are closed.
     *
     * @param services what the component's references and configuration would receive in the framework
     * @throws IllegalStateException when a service the strategy needs is not available, with a message naming it
     */
    S create(StrategyServices services);
}
