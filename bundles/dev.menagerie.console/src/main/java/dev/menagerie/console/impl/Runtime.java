package dev.menagerie.console.impl;

import dev.menagerie.api.admin.StrategyRoleState;
import dev.menagerie.api.admin.StrategySwitcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The installed bundles and, per strategy role, the chosen type and the installed implementations. */
final class Runtime {

    private final BundleContext context;

    Runtime(BundleContext context) {
        this.context = context;
    }

    List<Map<String, Object>> bundles() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", bundle.getBundleId());
            row.put("symbolic_name", bundle.getSymbolicName());
            row.put("version", bundle.getVersion().toString());
            row.put("state", state(bundle.getState()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Per strategy role, the chosen type, the installed implementations (each {@code in_use} when bound) and why
     * the role cannot be switched; empty while the admin bundle's switcher is not registered.
     */
    static List<Map<String, Object>> strategies(StrategySwitcher switcher) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (switcher == null) {
            return rows;
        }
        for (StrategyRoleState role : switcher.roles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", role.role());
            row.put("config_key", role.zooCfgKey());
            row.put("chosen", role.selected());
            List<Map<String, Object>> implementations = new ArrayList<>();
            for (StrategyRoleState.Implementation implementation : role.installed()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("type", implementation.type());
                entry.put("bundle", implementation.bundle());
                entry.put("in_use", role.bound().contains(implementation.type()));
                implementations.add(entry);
            }
            row.put("implementations", implementations);
            row.put("switch_refused", role.switchRefusal());
            rows.add(row);
        }
        return rows;
    }

    /** OSGi's bundle states are single bits, UNINSTALLED (1) to ACTIVE (32), in this order. */
    private static final List<String> STATES = List.of("UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING",
            "STOPPING", "ACTIVE");

    private static String state(int state) {
        int bit = Integer.numberOfTrailingZeros(state);
        return Integer.bitCount(state) == 1 && bit < STATES.size() ? STATES.get(bit) : "UNKNOWN(" + state + ")";
    }
}
