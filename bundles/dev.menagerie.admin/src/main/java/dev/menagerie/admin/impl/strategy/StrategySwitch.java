package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code menagerie:switch <role> <type>}: selects another strategy by editing zoo.cfg, exactly as an operator's live
 * edit does, so the choice survives a restart and goes through the same checks. It refuses, leaving the file and
 * the bound strategy alone, when no running bundle registers the type, when the role is the quorum verifier of an
 * ensemble (which changes through reconfiguration), or when the parser refuses the edited file. After the edit it
 * waits, at most {@code timeoutMs}, until the new revision is published and the new type is bound.
 */
public final class StrategySwitch {

    private static final Logger LOG = LoggerFactory.getLogger(StrategySwitch.class);

    private final StrategyInventory inventory;
    private final Supplier<ServerConfig> config;
    private final ZooCfgFile zooCfg;
    private final long timeoutMs;
    private final long pollMs;

    public StrategySwitch(StrategyInventory inventory, Supplier<ServerConfig> config, ZooCfgFile zooCfg,
            long timeoutMs, long pollMs) {
        this.inventory = inventory;
        this.config = config;
        this.zooCfg = zooCfg;
        this.timeoutMs = timeoutMs;
        this.pollMs = pollMs;
    }

    /** Switches and says in one or two lines what happened; every refusal starts with {@code Refused:}. */
    public String run(String roleName, String type) throws InterruptedException {
        Optional<StrategyRole> named = StrategyRole.named(roleName);
        if (named.isEmpty()) {
            return "Refused: no strategy role \"" + roleName + "\"; the roles are " + StrategyRole.names();
        }
        StrategyRole role = named.get();
        ServerConfig before = config.get();
        if (before == null) {
            return "Refused: no configuration is published yet, so there is no zoo.cfg to edit";
        }
        String current = role.selectedIn(before);
        List<String> installed = inventory.installed(role).stream().map(StrategyProvider::type).distinct().toList();
        if (!installed.contains(type)) {
            return "Refused: no installed bundle provides " + role.reference() + " type=" + type + " (installed: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + "); " + role.reference()
                    + " stays " + current;
        }
        if (type.equals(current)) {
            return role.reference() + " is already " + type + "; zoo.cfg is unchanged";
        }
        if (role == StrategyRole.VERIFIER && !before.standalone()) {
            return "Refused: an ensemble changes its quorum verifier through reconfiguration (reconfig), not by"
                    + " switching one server; verifier stays " + current;
        }
        Path file = before.configFile();
        try {
            zooCfg.replace(file, ZooCfgEdit.withKey(zooCfg.read(file), role.zooCfgKey(), type));
        } catch (InvalidConfigException e) {
            return "Refused: zoo.cfg with " + role.zooCfgKey() + "=" + type + " would be invalid: " + e.getMessage()
                    + "; " + role.reference() + " stays " + current;
        } catch (IOException e) {
            return "Refused: cannot rewrite " + file + ": " + e + "; " + role.reference() + " stays " + current;
        }
        LOG.info("Gogo switch: {} set to {} in {} (was {})", role.zooCfgKey(), type, file, current);
        return awaitSwap(role, type, current, before.revision());
    }

    private String awaitSwap(StrategyRole role, String type, String current, long revisionBefore)
            throws InterruptedException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + timeoutMs * 1_000_000;
        String edited = role.reference() + ": " + current + " -> " + type + " (" + role.zooCfgKey() + "=" + type
                + " written to zoo.cfg)";
        while (System.nanoTime() - deadlineNs < 0) {
            ServerConfig now = config.get();
            if (now != null && now.revision() > revisionBefore && type.equals(role.selectedIn(now))
                    && inventory.bound(role).equals(List.of(type))) {
                return edited + System.lineSeparator() + "bound " + type + " under zoo.cfg revision "
                        + now.revision() + " after " + (System.nanoTime() - startNs) / 1_000_000 + " ms";
            }
            Thread.sleep(pollMs);
        }
        List<String> bound = inventory.bound(role);
        return edited + System.lineSeparator() + "but after " + timeoutMs + " ms " + role.reference()
                + " is bound to " + (bound.isEmpty() ? "nothing" : String.join(", ", bound))
                + "; the server log says why";
    }
}
