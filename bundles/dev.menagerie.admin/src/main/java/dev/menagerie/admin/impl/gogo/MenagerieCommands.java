package dev.menagerie.admin.impl.gogo;

import dev.menagerie.admin.impl.command.TransferLeadershipCommand;
import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.FrameworkBundleInventory;
import dev.menagerie.admin.impl.runtime.GreedySlot;
import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import dev.menagerie.admin.impl.runtime.ScrComponentInventory;
import dev.menagerie.admin.impl.strategy.FrameworkStrategyInventory;
import dev.menagerie.admin.impl.strategy.StrategiesText;
import dev.menagerie.admin.impl.strategy.StrategyInventory;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.ServerStatus;
import java.io.IOException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gogo commands of scope {@code menagerie}. Each returns the text Gogo prints; a request the server cannot
 * carry out is answered with a sentence, not an exception. Gogo's {@code help <command>} prints the
 * {@link Descriptor} texts; {@code menagerie:usage} lists every menagerie command with its usage. (A function named
 * {@code help} would shadow Gogo's own {@code help} for every scope.)
 */
@Component(service = Object.class, property = {
    MenagerieCommands.SCOPE_PROPERTY + "=" + MenagerieCommands.SCOPE,
    MenagerieCommands.FUNCTION_PROPERTY + "=status",
    MenagerieCommands.FUNCTION_PROPERTY + "=config",
    MenagerieCommands.FUNCTION_PROPERTY + "=connections",
    MenagerieCommands.FUNCTION_PROPERTY + "=sessions",
    MenagerieCommands.FUNCTION_PROPERTY + "=strategies",
    MenagerieCommands.FUNCTION_PROPERTY + "=switch",
    MenagerieCommands.FUNCTION_PROPERTY + "=snapshot",
    MenagerieCommands.FUNCTION_PROPERTY + "=purge",
    MenagerieCommands.FUNCTION_PROPERTY + "=transfer",
    MenagerieCommands.FUNCTION_PROPERTY + "=usage"
})
public final class MenagerieCommands {

    static final String SCOPE_PROPERTY = "osgi.command.scope";
    static final String FUNCTION_PROPERTY = "osgi.command.function";
    static final String SCOPE = "menagerie";
    static final String NO_SERVER = "No server is running." + System.lineSeparator();
    /** How long {@code switch} waits for the new strategy to be bound: the config poll plus a transport swap. */
    static final long SWITCH_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(MenagerieCommands.class);

    private final BundleInventory bundles;
    private final ComponentInventory components;
    private final StrategyInventory strategies;
    private final long switchTimeoutMs;
    private final GreedySlot<ServerConfig> serverConfig = new GreedySlot<>();
    private final GreedySlot<ServerStatus> serverStatus = new GreedySlot<>();
    private final GreedySlot<StrategySwitcher> switcher = new GreedySlot<>();

    @Activate
    public MenagerieCommands(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime) {
        this(new FrameworkBundleInventory(context), new ScrComponentInventory(componentRuntime),
                new FrameworkStrategyInventory(context, componentRuntime), SWITCH_TIMEOUT_MS);
    }

    MenagerieCommands(BundleInventory bundles, ComponentInventory components, StrategyInventory strategies,
            long switchTimeoutMs) {
        this.bundles = bundles;
        this.components = components;
        this.strategies = strategies;
        this.switchTimeoutMs = switchTimeoutMs;
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStrategySwitcher(StrategySwitcher newSwitcher) {
        switcher.bind(newSwitcher);
    }

    void unbindStrategySwitcher(StrategySwitcher oldSwitcher) {
        switcher.unbind(oldSwitcher);
    }

    @Descriptor("the runtime (configuration, bundles, components, strategies) and the server: serving, zxid,"
            + " clients, and in an ensemble the leader, Zab phase, members and synced learners")
    public String status() {
        ServerStatus server = serverStatus.get();
        ServerConfig config = serverConfig.get();
        return StatusText.format(RuntimeStatus.collect(config, server, bundles, components, strategies))
                + EnsembleText.format(config, server);
    }

    @Descriptor("the zoo.cfg values in force, in file order")
    public String config() {
        return ConfigText.format(serverConfig.get());
    }

    @Descriptor("the open client connections: address, session, outstanding requests, packets, last operation,"
            + " latency")
    public String connections() {
        return onServer("connections", server -> ConnectionsText.format(server.connections()));
    }

    @Descriptor("the sessions: id, time left before expiry, ephemeral nodes")
    public String sessions() {
        return onServer("sessions", server -> SessionsText.format(server.sessions(), System.currentTimeMillis()));
    }

    @Descriptor("per strategy role: the type zoo.cfg selects, the one bound, and the installed ones")
    public String strategies() {
        return StrategiesText.format(serverConfig.get(), strategies);
    }

    @Descriptor("select another strategy for a role, as a live zoo.cfg edit does (the file is rewritten); refused"
            + " when no installed bundle provides the type")
    public String _switch(
            @Descriptor("cnxnFactory (serverCnxnFactory), storage, election (electionType) or verifier"
                    + " (quorumVerifier)") String role,
            @Descriptor("the strategy's type, such as nio or netty") String type) throws InterruptedException {
        StrategySwitcher service = switcher.get();
        if (service == null) {
            return "Refused: the admin bundle's strategy switcher is not registered" + System.lineSeparator();
        }
        return service.switchStrategy(role, type, switchTimeoutMs).message() + System.lineSeparator();
    }

    @Descriptor("write a snapshot of the data tree and sessions now")
    public String snapshot() {
        return onServer("snapshot", DataFiles::snapshot);
    }

    @Descriptor("delete snapshots and transaction logs older than the autopurge.snapRetainCount newest snapshots")
    public String purge() {
        return onServer("purge", DataFiles::purge);
    }

    @Descriptor("move the leadership from this leader to a voting follower, for planned maintenance: requests are"
            + " held while the follower catches up, then this server steps down and the follower is elected")
    public String transfer(@Descriptor("the server id of the follower to lead") long targetSid) {
        ServerStatus server = serverStatus.get();
        if (server == null) {
            return NO_SERVER;
        }
        LeadershipTransfer outcome = TransferLeadershipCommand.transfer(server, targetSid,
                TransferLeadershipCommand.OUTCOME_TIMEOUT_MS);
        return (outcome.transferred() ? "Transferred: " : "Not transferred: ") + outcome.message()
                + System.lineSeparator();
    }

    /** Runs a command on the running server; a failure is one sentence, as for any expected error. */
    private String onServer(String command, ServerCommand action) {
        ServerStatus server = serverStatus.get();
        if (server == null) {
            return NO_SERVER;
        }
        try {
            return action.run(server);
        } catch (IOException e) {
            LOG.warn("Gogo {} failed: {}", command, e.getMessage());
            return command + " failed: " + e.getMessage() + System.lineSeparator();
        }
    }

    @FunctionalInterface
    private interface ServerCommand {
        String run(ServerStatus server) throws IOException;
    }

    @Descriptor("list the menagerie commands with their usage")
    public String usage() {
        return UsageText.format(MenagerieCommands.class);
    }
}
