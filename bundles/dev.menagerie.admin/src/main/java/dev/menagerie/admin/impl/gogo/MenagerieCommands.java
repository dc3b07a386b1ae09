package dev.menagerie.admin.impl.gogo;

import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.FrameworkBundleInventory;
import dev.menagerie.admin.impl.runtime.GreedySlot;
import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import dev.menagerie.admin.impl.runtime.ScrComponentInventory;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ServerStatus;
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
    private final GreedySlot<ServerConfig> serverConfig = new GreedySlot<>();
    private final GreedySlot<ServerStatus> serverStatus = new GreedySlot<>();

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
    void bindServerConfig(ServerConfig newConfig) {
        serverConfig.bind(newConfig);
    }

    void unbindServerConfig(ServerConfig oldConfig) {
        serverConfig.unbind(oldConfig);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServerStatus(ServerStatus newStatus) {
        serverStatus.bind(newStatus);
    }

    void unbindServerStatus(ServerStatus oldStatus) {
        serverStatus.unbind(oldStatus);
    }

    /** {@code menagerie:status}: mode, the server's state, configuration, bundles, components and strategies. */
    public String status() {
        return StatusText.format(RuntimeStatus.collect(serverConfig.get(), serverStatus.get(), bundles, components));
    }

    /** {@code menagerie:config}: the zoo.cfg values in force. */
    public String config() {
        return ConfigText.format(serverConfig.get());
    }
}
