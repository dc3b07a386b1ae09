package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.admin.StrategyRoleState;
import dev.menagerie.api.admin.StrategySwitchResult;
import dev.menagerie.api.admin.StrategySwitchResult.Outcome;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
 * The {@link StrategySwitcher}: selects another strategy by editing zoo.cfg, exactly as an operator's live edit
 * does, then polls every {@code pollMs} until the config bundle published the new revision and the new type is
 * bound. The configuration and the parser are optional references, so the service is there (and says why it
 * refuses) while the config bundle is stopped.
 */
@Component(service = StrategySwitcher.class)
public final class StrategySwitch implements StrategySwitcher {

    static final long POLL_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(StrategySwitch.class);

    private final StrategyInventory inventory;
    private final Supplier<ServerConfig> config;
    private final Supplier<ConfigReader> reader;
    private final long pollMs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerConfig serverConfig;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigReader configReader;

    @Activate
    public StrategySwitch(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime) {
        this.inventory = new FrameworkStrategyInventory(context, componentRuntime);
        this.config = () -> serverConfig;
        this.reader = () -> configReader;
        this.pollMs = POLL_MS;
    }

    StrategySwitch(StrategyInventory inventory, Supplier<ServerConfig> config, Supplier<ConfigReader> reader,
            long pollMs) {
        this.inventory = inventory;
        this.config = config;
        this.reader = reader;
        this.pollMs = pollMs;
    }

    @Override
    public List<StrategyRoleState> roles() {
        ServerConfig now = config.get();
        List<StrategyRoleState> roles = new ArrayList<>();
        for (StrategyRole role : StrategyRole.values()) {
            List<StrategyRoleState.Implementation> installed = inventory.installed(role).stream()
                    .map(provider -> new StrategyRoleState.Implementation(provider.type(), provider.bundle()))
                    .toList();
            roles.add(new StrategyRoleState(role.reference(), role.zooCfgKey(),
                    now == null ? null : role.selectedIn(now), installed, inventory.bound(role),
                    refusalFor(role, now).orElse(null)));
        }
        return roles;
    }

    /** Why no type can be switched to for {@code role} under {@code now}, before looking at the type. */
    private static Optional<String> refusalFor(StrategyRole role, ServerConfig now) {
        if (now == null) {
            return Optional.of("no configuration is published yet, so there is no zoo.cfg to edit");
        }
        if (role == StrategyRole.STORAGE) {
            return Optional.of("a running server keeps its storage engine, because switching engines does not carry"
                    + " the data over and would lose acknowledged writes; stop the server, set storage in zoo.cfg"
                    + " and start it");
        }
        if (role == StrategyRole.VERIFIER && !now.standalone()) {
            return Optional.of("an ensemble changes its quorum verifier through reconfiguration (reconfig), not by"
                    + " switching one server");
        }
        return Optional.empty();
    }

    @Override
    public StrategySwitchResult switchStrategy(String roleName, String type, long timeoutMs)
            throws InterruptedException {
        Optional<StrategyRole> named = StrategyRole.named(roleName);
        if (named.isEmpty()) {
            return refused("no strategy role \"" + roleName + "\"; the roles are " + StrategyRole.names());
        }
        StrategyRole role = named.get();
        ServerConfig before = config.get();
        if (before == null) {
            return refused(refusalFor(role, null).orElseThrow());
        }
        String current = role.selectedIn(before);
        String stays = "; " + role.reference() + " stays " + current;
        List<String> installed = inventory.installed(role).stream().map(StrategyProvider::type).distinct().toList();
        if (!installed.contains(type)) {
            return refused("no installed bundle provides " + role.reference() + " type=" + type + " (installed: "
                    + StrategyTargets.installedText(installed) + ")" + stays);
        }
        if (type.equals(current)) {
            return new StrategySwitchResult(Outcome.UNCHANGED,
                    role.reference() + " is already " + type + "; zoo.cfg is unchanged");
        }
        Optional<String> roleRefusal = refusalFor(role, before);
        if (roleRefusal.isPresent()) {
            return refused(roleRefusal.get() + stays);
        }
        ConfigReader parser = reader.get();
        if (parser == null) {
            return refused("the config bundle is not running, so zoo.cfg cannot be checked" + stays);
        }
        ZooCfgFile zooCfg = new ZooCfgFile(parser);
        Path file = before.configFile();
        try {
            zooCfg.replace(file, ZooCfgEdit.withKey(zooCfg.read(file), role.zooCfgKey(), type));
        } catch (InvalidConfigException e) {
            return refused("zoo.cfg with " + role.zooCfgKey() + "=" + type + " would be invalid: " + e.getMessage()
                    + stays);
        } catch (IOException e) {
            return refused("cannot rewrite " + file + ": " + e + stays);
        }
        LOG.info("Strategy switch: {} set to {} in {} (was {})", role.zooCfgKey(), type, file, current);
        return awaitSwap(role, type, current, before.revision(), timeoutMs);
    }

    private static StrategySwitchResult refused(String why) {
        return new StrategySwitchResult(Outcome.REFUSED, "Refused: " + why);
    }

    private StrategySwitchResult awaitSwap(StrategyRole role, String type, String current, long revisionBefore,
            long timeoutMs) throws InterruptedException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + timeoutMs * 1_000_000;
        String edited = role.reference() + ": " + current + " -> " + type + " (" + role.zooCfgKey() + "=" + type
                + " written to zoo.cfg)";
        while (System.nanoTime() - deadlineNs < 0) {
            ServerConfig now = config.get();
            if (now != null && now.revision() > revisionBefore && type.equals(role.selectedIn(now))
                    && inventory.bound(role).equals(List.of(type))) {
                return new StrategySwitchResult(Outcome.SWITCHED, edited + System.lineSeparator() + "bound " + type
                        + " under zoo.cfg revision " + now.revision() + " after "
                        + (System.nanoTime() - startNs) / 1_000_000 + " ms");
            }
            Thread.sleep(pollMs);
        }
        List<String> bound = inventory.bound(role);
        return new StrategySwitchResult(Outcome.NOT_BOUND, edited + System.lineSeparator() + "but after " + timeoutMs
                + " ms " + role.reference() + " is bound to " + (bound.isEmpty() ? "nothing" : String.join(", ", bound))
                + "; the server log says why");
    }
}
