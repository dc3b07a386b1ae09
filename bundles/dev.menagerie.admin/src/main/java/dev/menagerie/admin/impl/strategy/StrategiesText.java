package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import java.util.List;

/** {@code menagerie:strategies}: per role, the type zoo.cfg selects, the one bound, and every installed one. */
public final class StrategiesText {

    private StrategiesText() {
    }

    /** {@code config} is null before a configuration was published. */
    public static String format(ServerConfig config, StrategyInventory inventory) {
        StringBuilder text = new StringBuilder();
        for (StrategyRole role : StrategyRole.values()) {
            List<String> bound = inventory.bound(role);
            text.append(role.reference()).append(" (zoo.cfg ").append(role.zooCfgKey()).append("): selected ")
                    .append(config == null ? "(no configuration)" : role.selectedIn(config)).append(", bound ")
                    .append(bound.isEmpty() ? "(none)" : String.join(", ", bound)).append(System.lineSeparator());
            List<StrategyProvider> installed = inventory.installed(role);
            if (installed.isEmpty()) {
                text.append("  installed: (none)").append(System.lineSeparator());
            }
            int width = installed.stream().mapToInt(provider -> provider.type().length()).max().orElse(0);
            String label = "  installed: ";
            for (StrategyProvider provider : installed) {
                text.append(label).append(String.format("%-" + width + "s  %s", provider.type(), provider.bundle()))
                        .append(System.lineSeparator());
                label = " ".repeat(label.length());
            }
        }
        return text.toString();
    }
}
