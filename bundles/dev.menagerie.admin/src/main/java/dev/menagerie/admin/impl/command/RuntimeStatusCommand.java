package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import dev.menagerie.api.config.ServerConfig;
import java.util.Set;
import java.util.function.Supplier;

/** {@code runtime_status} (Menagerie's own): mode, configuration revision, bundles, components and strategies. */
public final class RuntimeStatusCommand implements AdminCommand {

    private final Supplier<ServerConfig> config;
    private final BundleInventory bundles;
    private final ComponentInventory components;

    public RuntimeStatusCommand(Supplier<ServerConfig> config, BundleInventory bundles, ComponentInventory components) {
        this.config = config;
        this.bundles = bundles;
        this.components = components;
    }

    @Override
    public String primaryName() {
        return "runtime_status";
    }

    @Override
    public Set<String> names() {
        return Set.of("runtime_status", "rtst");
    }

    @Override
    public CommandResponse run() {
        return CommandResponse.ok(primaryName(), RuntimeStatus.collect(config.get(), bundles, components).toFields());
    }
}
