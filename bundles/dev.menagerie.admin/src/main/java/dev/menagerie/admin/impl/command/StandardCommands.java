package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.environment.Environment;
import dev.menagerie.admin.impl.fourletter.MonitorText;
import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.strategy.StrategyInventory;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/** Builds the registry of every command the admin server offers: Apache ZooKeeper 3.9.5's 28 and Menagerie's own. */
public final class StandardCommands {

    private StandardCommands() {
    }

    /**
     * @param status the running server's status, null while no server runs
     * @param config the configuration in force, null before one is published
     * @param initialConfiguration zoo.cfg's text as the server started with it
     */
    public static CommandRegistry registry(Supplier<ServerStatus> status, Supplier<ServerConfig> config,
            Supplier<String> initialConfiguration, BundleInventory bundles, ComponentInventory components,
            StrategyInventory strategies, MetricsRegistry metrics) {
        Supplier<String> version = () -> {
            ServerStatus current = status.get();
            return current == null ? Environment.NOT_AVAILABLE : current.version();
        };
        AdminMetrics adminMetrics = new AdminMetrics(metrics);
        List<AdminCommand> commands = new ArrayList<>(List.of(
                new RuokCommand(),
                new ConfigurationCommand(config),
                new EnvironmentCommand(version, Environment.ofThisJvm()),
                new SystemPropertiesCommand(System::getProperties),
                monitor(metrics),
                BackupCommands.snapshot(config, RateLimiter.monotonic(), adminMetrics),
                BackupCommands.restore(config, RateLimiter.monotonic(), adminMetrics),
                new RuntimeStatusCommand(config, status, bundles, components, strategies),
                new TransferLeadershipCommand()));
        commands.addAll(ServerCommands.all(initialConfiguration, metrics));
        commands.addAll(QuorumCommands.all(config));
        commands.addAll(TraceMaskCommands.all());
        return new CommandRegistry(commands, status);
    }

    /**
     * {@code monitor} ({@code mntr}): the values of the four-letter word, keyed without its {@code zk_} prefix as
     * Apache's JSON is.
     */
    private static AdminCommand monitor(MetricsRegistry metrics) {
        return ServerCommands.fields(List.of("monitor", "mntr"),
                server -> new LinkedHashMap<>(MonitorText.values(server, metrics)));
    }
}
