package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.util.ArrayList;
import java.util.List;

/**
 * A role the configuration uses whose selected type no registered service offers: the server waits for it.
 *
 * @param role the role
 * @param wanted the type zoo.cfg selects
 * @param installed the types installed bundles offer for the role, sorted, without repeats
 */
public record MissingStrategy(StrategyRole role, String wanted, List<String> installed) {

    /** {@code electionType=priority: no installed bundle provides it (installed: fast)}. */
    public String describe() {
        return StrategyTargets.notProvided(role.reference(), wanted, "installed bundle", installed);
    }

    /** The installed types joined by commas, or {@code none}. */
    public String installedText() {
        return StrategyTargets.installedText(installed);
    }

    /** The missing roles under {@code config}, in role order; empty when {@code config} is null. */
    public static List<MissingStrategy> find(ServerConfig config, StrategyInventory inventory) {
        List<MissingStrategy> missing = new ArrayList<>();
        if (config == null) {
            return missing;
        }
        for (StrategyRole role : StrategyRole.values()) {
            if (!role.usedIn(config)) {
                continue;
            }
            String wanted = role.selectedIn(config);
            List<String> types = installedTypes(inventory, role);
            if (!types.contains(wanted)) {
                missing.add(new MissingStrategy(role, wanted, types));
            }
        }
        return missing;
    }

    /** The types installed bundles offer for {@code role}, sorted, without repeats. */
    public static List<String> installedTypes(StrategyInventory inventory, StrategyRole role) {
        return inventory.installed(role).stream().map(StrategyProvider::type).distinct().toList();
    }
}
