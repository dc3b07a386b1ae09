package dev.menagerie.admin.impl.gogo;

import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.FrameworkBundleInventory;
import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import dev.menagerie.admin.impl.runtime.ScrComponentInventory;
import dev.menagerie.api.config.ServerConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Gogo shell commands {@code menagerie:status} and {@code menagerie:config}. Gogo prints what they return.
 */
@Component(service = Object.class, property = {
    MenagerieCommands.SCOPE_PROPERTY + "=" + MenagerieCommands.SCOPE,
    MenagerieCommands.FUNCTION_PROPERTY + "=status",
    MenagerieCommands.FUNCTION_PROPERTY + "=config"
})
public final class MenagerieCommands {

    static final String SCOPE_PROPERTY = "osgi.command.scope";
    static final String FUNCTION_PROPERTY = "osgi.command.function";
    static final String SCOPE = "menagerie";

    private final BundleInventory bundles;
    private final ComponentInventory components;
    private volatile ServerConfig serverConfig;

    @Activate
    public MenagerieCommands(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime) {
        this(new FrameworkBundleInventory(context), new ScrComponentInventory(componentRuntime));
    }

    MenagerieCommands(BundleInventory bundles, ComponentInventory components) {
        this.bundles = bundles;
        this.components = components;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindServerConfig(ServerConfig newConfig) {
        serverConfig = newConfig;
    }

    synchronized void unbindServerConfig(ServerConfig oldConfig) {
        // Greedy rebinding binds the newer service before unbinding the older one.
        if (serverConfig == oldConfig) {
            serverConfig = null;
        }
    }

    /** {@code menagerie:status}: mode, configuration, bundles, components and strategies. */
    public String status() {
        return StatusText.format(RuntimeStatus.collect(serverConfig, bundles, components));
    }

    /** {@code menagerie:config}: the zoo.cfg values in force. */
    public String config() {
        return ConfigText.format(serverConfig);
    }
}
