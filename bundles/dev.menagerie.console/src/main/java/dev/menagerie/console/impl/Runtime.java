package dev.menagerie.console.impl;

import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The installed bundles and, per strategy role, the chosen type and the installed implementations. */
final class Runtime {

    static final String TYPE_PROPERTY = "type";

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

    List<Map<String, Object>> strategies(ServerConfig config) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategyRole role : StrategyRole.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", role.reference());
            row.put("config_key", role.configKey());
            row.put("chosen", config == null ? null : role.chosen(config));
            row.put("implementations", implementations(role));
            row.put("switch_refused", config == null ? "no configuration in force"
                    : role.switchRefusal(config).orElse(null));
            rows.add(row);
        }
        return rows;
    }

    /** The {@code type} values of the services registered for the role. */
    Set<String> installedTypes(StrategyRole role) {
        Set<String> types = new TreeSet<>();
        for (Map<String, Object> implementation : implementations(role)) {
            types.add(String.valueOf(implementation.get("type")));
        }
        return types;
    }

    private List<Map<String, Object>> implementations(StrategyRole role) {
        List<Map<String, Object>> found = new ArrayList<>();
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences(role.service().getName(), null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("a null filter is always valid", e);
        }
        if (references == null) {
            return found;
        }
        for (ServiceReference<?> reference : references) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", reference.getProperty(TYPE_PROPERTY));
            row.put("bundle", reference.getBundle() == null ? null : reference.getBundle().getSymbolicName());
            Bundle[] users = reference.getUsingBundles();
            row.put("in_use", users != null && users.length > 0);
            found.add(row);
        }
        return found;
    }

    /** OSGi's bundle states are single bits, UNINSTALLED (1) to ACTIVE (32), in this order. */
    private static final List<String> STATES = List.of("UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING",
            "STOPPING", "ACTIVE");

    private static String state(int state) {
        int bit = Integer.numberOfTrailingZeros(state);
        return Integer.bitCount(state) == 1 && bit < STATES.size() ? STATES.get(bit) : "UNKNOWN(" + state + ")";
    }
}
