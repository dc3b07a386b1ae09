package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what to log about strategies at each look: one ERROR line when a role's selected type becomes missing
 * (saying whether the bundle that provided it went away, and what the server does meanwhile), one INFO line when
 * a missing type becomes provided, and nothing while nothing changes. Free of OSGi so that tests drive it.
 */
final class MissingStrategyLog {

    /** One line to log. */
    record Line(boolean error, String text) {
    }

    /** Per role, the type that was provided at the last look and the bundle providing it. */
    private final Map<StrategyRole, StrategyProvider> provided = new EnumMap<>(StrategyRole.class);
    /** Per role, the type reported missing and not provided since. */
    private final Map<StrategyRole, String> reportedMissing = new EnumMap<>(StrategyRole.class);

    /** Compares the configuration and the installed strategies with the last look. */
    List<Line> look(ServerConfig config, StrategyInventory inventory) {
        List<Line> lines = new ArrayList<>();
        if (config == null) {
            return lines;
        }
        for (StrategyRole role : StrategyRole.values()) {
            if (!role.usedIn(config)) {
                provided.remove(role);
                reportedMissing.remove(role);
                continue;
            }
            String wanted = role.selectedIn(config);
            Optional<StrategyProvider> provider = inventory.installed(role).stream()
                    .filter(p -> p.type().equals(wanted)).findFirst();
            if (provider.isPresent()) {
                if (reportedMissing.remove(role) != null) {
                    lines.add(new Line(false, role.zooCfgKey() + "=" + wanted + " is now provided by "
                            + provider.get().bundle()));
                }
                provided.put(role, provider.get());
            } else if (!wanted.equals(reportedMissing.get(role))) {
                lines.add(new Line(true, missingLine(role, wanted, inventory)));
                reportedMissing.put(role, wanted);
                provided.remove(role);
            }
        }
        return lines;
    }

    private String missingLine(StrategyRole role, String wanted, StrategyInventory inventory) {
        MissingStrategy missing = new MissingStrategy(role, wanted, MissingStrategy.installedTypes(inventory, role));
        StrategyProvider before = provided.get(role);
        String what = before != null && before.type().equals(wanted)
                ? role.zooCfgKey() + "=" + wanted + " is unbound: " + before.bundle()
                        + ", which provided it, stopped or was uninstalled (installed: " + missing.installedText() + ")"
                : missing.describe();
        return what + "; " + role.whileMissing();
    }
}
