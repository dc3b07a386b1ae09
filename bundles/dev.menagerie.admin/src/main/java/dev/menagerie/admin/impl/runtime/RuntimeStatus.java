package dev.menagerie.admin.impl.runtime;

import dev.menagerie.admin.impl.strategy.MissingStrategy;
import dev.menagerie.admin.impl.strategy.StrategyInventory;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.status.ServerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of how the runtime is doing: the configuration in force, the bundles that are not active and the
 * components that are not running. Both the {@code runtime_status} admin command and {@code menagerie:status}
 * show it.
 *
 * @param mode {@code standalone}, {@code quorum}, or {@code unconfigured} before a valid zoo.cfg was published
 * @param serverState the role the running server reports ({@code standalone}, {@code leader}, {@code follower},
 *     {@code observer}, or a state while it elects), null while no server runs
 * @param configFile the zoo.cfg path, null when unconfigured
 * @param configRevision the revision of the configuration in force, null when unconfigured
 * @param strategies reference name to selected {@code type}, in a fixed order; empty when unconfigured
 * @param missingStrategies one line per role the configuration uses whose type no installed bundle provides
 */
public record RuntimeStatus(String mode, String serverState, String configFile, Long configRevision, int bundlesTotal,
        int bundlesActive, List<String> inactiveBundles, List<String> unsatisfiedComponents,
        List<String> waitingComponents, Map<String, String> strategies, List<String> missingStrategies) {

    public static final String MODE_STANDALONE = "standalone";
    public static final String MODE_QUORUM = "quorum";
    public static final String MODE_UNCONFIGURED = "unconfigured";

    /**
     * Collects the status now; {@code config} is null when no configuration has been published, {@code server}
     * when no server runs.
     */
    public static RuntimeStatus collect(ServerConfig config, ServerStatus server, BundleInventory bundles,
            ComponentInventory components, StrategyInventory strategyInventory) {
        List<BundleInfo> installed = bundles.bundles();
        List<String> inactive = new ArrayList<>();
        for (BundleInfo bundle : installed) {
            if (!bundle.isActive()) {
                inactive.add(bundle.describe());
            }
        }
        List<String> unsatisfied = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (ComponentIssue issue : components.issues()) {
            (issue.kind() == ComponentIssue.Kind.UNSATISFIED ? unsatisfied : waiting).add(issue.describe());
        }
        return new RuntimeStatus(mode(config), server == null ? null : server.summary().mode(), config == null ? null : config.configFile().toString(),
                config == null ? null : config.revision(), installed.size(), installed.size() - inactive.size(),
                List.copyOf(inactive), List.copyOf(unsatisfied), List.copyOf(waiting), strategies(config),
                MissingStrategy.find(config, strategyInventory).stream().map(MissingStrategy::describe).toList());
    }

    private static String mode(ServerConfig config) {
        if (config == null) {
            return MODE_UNCONFIGURED;
        }
        return config.standalone() ? MODE_STANDALONE : MODE_QUORUM;
    }

    private static Map<String, String> strategies(ServerConfig config) {
        Map<String, String> strategies = new LinkedHashMap<>();
        if (config != null) {
            strategies.put(StrategyTargets.CNXN_FACTORY, config.cnxnFactoryType());
            strategies.put(StrategyTargets.STORAGE, config.storageType());
            strategies.put(StrategyTargets.ELECTION, config.electionType());
            strategies.put(StrategyTargets.VERIFIER, config.verifierType());
        }
        return strategies;
    }

    /** The fields of the {@code runtime_status} command, with snake_case names like Apache's commands. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("server_state", serverState);
        fields.put("config_file", configFile);
        fields.put("config_revision", configRevision);
        fields.put("bundles_total", bundlesTotal);
        fields.put("bundles_active", bundlesActive);
        fields.put("inactive_bundles", inactiveBundles);
        fields.put("unsatisfied_components", unsatisfiedComponents);
        fields.put("waiting_components", waitingComponents);
        fields.put("strategies", strategies);
        fields.put("missing_strategies", missingStrategies);
        return fields;
    }
}
