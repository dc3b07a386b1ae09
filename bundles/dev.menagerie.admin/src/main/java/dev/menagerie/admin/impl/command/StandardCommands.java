package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.api.config.ServerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;

/** Builds the registry of every command the admin server offers. */
public final class StandardCommands {

    private StandardCommands() {
    }

    public static CommandRegistry registry(String serverVersion, Supplier<ServerConfig> config,
            BundleInventory bundles, ComponentInventory components) {
        return new CommandRegistry(List.of(
                new RuokCommand(),
                new ConfigurationCommand(config),
                new EnvironmentCommand(serverVersion, new CanonicalHostName(), System::getProperty),
                new SystemPropertiesCommand(System::getProperties),
                new RuntimeStatusCommand(config, bundles, components)));
    }

    /**
     * Looks the host name up once it succeeds: a reverse DNS lookup can take seconds, and a request thread should
     * not pay that on every {@code envi}.
     */
    static final class CanonicalHostName implements Supplier<String> {

        private volatile String cached;

        @Override
        public String get() {
            String name = cached;
            if (name == null) {
                try {
                    name = InetAddress.getLocalHost().getCanonicalHostName();
                    cached = name;
                } catch (UnknownHostException e) {
                    return EnvironmentCommand.NOT_AVAILABLE;
                }
            }
            return name;
        }
    }
}
