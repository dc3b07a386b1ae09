package dev.menagerie.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link StrategyProvider} is given to make its strategy: the services its Declarative Services component would
 * have injected. The launcher that runs the modules implements it, one per server.
 */
@ProviderType
public interface StrategyServices {

    /**
     * The server's service of this type, such as its {@code MetricsRegistry}, or, for a quorum peer factory, the
     * {@code ElectionFactory} and the {@code QuorumVerifier} zoo.cfg chose.
     *
     * @throws IllegalStateException naming {@code type} when the server has none
     */
    <T> T service(Class<T> type);

    /**
     * The strategy of another role with a given {@code type}, made for this server (one instance per server and
     * type): how a strategy that builds on another one gets it, as a Declarative Services reference with a target
     * filter would (the {@code priority} election builds on {@code fast}).
     *
     * @param role the interface the strategy must implement; it may be a narrower one than the role's own
     * @throws IllegalStateException when no module provides {@code type} for that role
     */
    <T> T strategy(Class<T> role, String type);
}
