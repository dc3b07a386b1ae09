package dev.menagerie.launcher.impl;

import dev.menagerie.api.config.ServerConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * zoo.cfg keys whose feature only the OSGi runtime has: on the module path they are refused at start, never
 * accepted and ignored. The admin HTTP server (and with it the web console) and the metrics providers
 * ({@code metricsProvider.*}, such as Prometheus) are bundles that need the framework.
 */
final class OsgiOnlyKeys {

    static final String SWITCH_RUNTIME = "; run it in the OSGi runtime (MENAGERIE_RUNTIME=osgi, the default)";

    private OsgiOnlyKeys() {
    }

    /**
     * The first key of {@code config} the module path cannot honour, as one line naming it, or empty. With
     * {@code admin.enableServer=false} (or, when zoo.cfg does not set it, {@code -Dzookeeper.admin.enableServer=false})
     * the other {@code admin.*} keys configure nothing, as in Apache ZooKeeper, and are accepted.
     */
    static Optional<String> refusal(ServerConfig config, Map<String, String> systemProperties) {
        Map<String, String> keys = new TreeMap<>(config.properties());
        String enabled = keys.getOrDefault("admin.enableServer",
                systemProperties.getOrDefault("zookeeper.admin.enableServer", ""));
        boolean adminOff = "false".equalsIgnoreCase(enabled.trim());
        for (Map.Entry<String, String> key : keys.entrySet()) {
            String name = key.getKey();
            if (name.startsWith("admin.") && !adminOff) {
                return Optional.of(name + "=" + key.getValue() + ": the module path has no admin server; set"
                        + " admin.enableServer=false" + SWITCH_RUNTIME);
            }
            if (name.startsWith("metricsProvider.")) {
                return Optional.of(name + "=" + key.getValue() + ": the module path has no metrics providers"
                        + SWITCH_RUNTIME);
            }
        }
        return Optional.empty();
    }
}
