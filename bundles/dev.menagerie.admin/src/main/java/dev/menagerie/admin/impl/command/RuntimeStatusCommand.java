package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import dev.menagerie.admin.impl.strategy.StrategyInventory;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ServerStatus;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code runtime_status} (Menagerie's own): mode, the server's state, configuration revision, bundles, components
 * and strategies.
 */
public final class RuntimeStatusCommand implements AdminCommand {

    private final Supplier<ServerConfig> config;
    private final Supplier<ServerStatus> server;
    private final BundleInventory bundles;
    private final ComponentInventory components;
    private final StrategyInventory strategies;

    /**
     * @param config the configuration in force, null before one is published
     * @param server the running server's status, null while no server runs
     */
    public RuntimeStatusCommand(Supplier<ServerConfig> config, Supplier<ServerStatus> server, BundleInventory bundles,
            ComponentInventory components, StrategyInventory strategies) {
        this.config = config;
        this.server = server;
        this.bundles = bundles;
        this.components = components;
        this.strategies = strategies;
    }

    @Override
    public String primaryName() {
        return "runtime_status";
    }

    @Override
    public Set<String> names() {
        return Set.of("runtime_status", "rtst");
    }

    /** It reports, among other things, why no server runs. */
    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        return CommandResponse.ok(primaryName(), RuntimeStatus.collect(config.get(), server.get(), bundles,
                components, strategies).toFields());
    }
}
