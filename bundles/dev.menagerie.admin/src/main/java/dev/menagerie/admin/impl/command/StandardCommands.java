package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.environment.Environment;
import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.util.List;
import java.util.function.Supplier;

/** Builds the registry of every command the admin server offers. */
public final class StandardCommands {

    private StandardCommands() {
    }

    /**
     * @param status the running server's status, null while no server runs
     * @param config the configuration in force, null before one is published
     */
    public static CommandRegistry registry(Supplier<ServerStatus> status, Supplier<ServerConfig> config,
            BundleInventory bundles, ComponentInventory components, MetricsRegistry metrics) {
        Supplier<String> version = () -> {
            ServerStatus current = status.get();
            return current == null ? Environment.NOT_AVAILABLE : current.version();
        };
        return new CommandRegistry(List.of(
                new RuokCommand(),
                new ConfigurationCommand(config),
                new EnvironmentCommand(version, Environment.ofThisJvm()),
                new SystemPropertiesCommand(System::getProperties),
                new RuntimeStatusCommand(config, status, bundles, components),
                new MonitorCommand(status, metrics)));
    }
}
