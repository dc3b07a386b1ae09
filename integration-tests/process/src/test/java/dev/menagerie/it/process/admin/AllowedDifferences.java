package dev.menagerie.it.process.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Menagerie's admin commands may differ from Apache ZooKeeper 3.9.5's, each with its reason; docs/operations.md
 * lists the same. A path allows itself and everything under it; one starting with {@code *} allows every path ending
 * with the rest (the members of a set, whose keys are data).
 */
final class AllowedDifferences {

    /** The pseudo path for the HTTP status. */
    static final String STATUS = "@status";

    /** command -> path -> why. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "configuration", Map.ofEntries(
                    Map.entry("client_address", "Menagerie's own key"),
                    Map.entry("secure_client_address", "Menagerie's own key"),
                    Map.entry("init_limit", "Menagerie's own key"),
                    Map.entry("sync_limit", "Menagerie's own key"),
                    Map.entry("global_outstanding_limit", "Menagerie's own key"),
                    Map.entry("snap_count", "Menagerie's own key"),
                    Map.entry("pre_alloc_size", "Menagerie's own key"),
                    Map.entry("force_sync", "Menagerie's own key"),
                    Map.entry("jute_max_buffer", "Menagerie's own key"),
                    Map.entry("autopurge_snap_retain_count", "Menagerie's own key"),
                    Map.entry("autopurge_purge_interval", "Menagerie's own key"),
                    Map.entry("standalone", "Menagerie's own key"),
                    Map.entry("servers", "Menagerie's own key"),
                    Map.entry("config_file", "Menagerie's own key"),
                    Map.entry("config_revision", "Menagerie's own key")),
            "connections", Map.of(
                    "connections[].interest_ops", "the transports do not expose selector interest sets"),
            "stats", serverStatsGaps(Map.of(
                    "connections[].interest_ops", "the transports do not expose selector interest sets")),
            "server_stats", serverStatsGaps(Map.of()),
            "dump", Map.of("expiry_time_to_session_ids.*", "Menagerie's followers report the expiry times their "
                    + "session tracker holds; Apache's followers report none (its leader expires sessions)"),
            "monitor", Map.of(
                    "last_zxid", "mntr's zk_last_zxid, which Apache does not print; left to the mntr work of issue 12",
                    "*_strategy_bound", "Menagerie's own gauge set naming the strategy bound in each role",
                    "*_learner_handler_qp_size", "members keyed by learner id: which ids appear depends on who leads",
                    "*_learner_handler_qp_time_ms", "members keyed by learner id: which ids appear depends on who"
                            + " leads",
                    "*_ack_latency", "members keyed by the acking server's id: which appear depends on who leads"));

    /** Objects whose keys are data (ids, paths, property names), compared by their values' types only. */
    private static final Map<String, Set<String>> DATA_KEYED = Map.of(
            "system_properties", Set.of(""),
            "dump", Set.of("expiry_time_to_session_ids", "session_id_to_ephemeral_paths"),
            "watches", Set.of("session_id_to_watched_paths"),
            "watches_by_path", Set.of("path_to_session_ids"),
            "voting_view", Set.of("current_config"));

    private AllowedDifferences() {
    }

    private static Map<String, String> serverStatsGaps(Map<String, String> more) {
        String notMeasured = "not measured by Menagerie yet; left out rather than reported as 0";
        Map<String, String> gaps = new java.util.HashMap<>(Map.of(
                "client_response", notMeasured,
                "server_stats.client_response_stats", notMeasured,
                "server_stats.fsync_threshold_exceed_count", notMeasured,
                "server_stats.provider_null", "Apache's metrics provider flag; Menagerie has no metrics provider yet",
                "server_stats.non_mtlsremote_conn_count", notMeasured,
                "server_stats.non_mtlslocal_conn_count", notMeasured));
        gaps.putAll(more);
        return gaps;
    }

    static boolean allows(String command, String path) {
        for (String allowed : ALLOWED.getOrDefault(command, Map.of()).keySet()) {
            if (allowed.startsWith("*") && path.endsWith(allowed.substring(1))) {
                return true;
            }
            if (path.equals(allowed) || path.startsWith(allowed + ".") || path.startsWith(allowed + "[]")) {
                return true;
            }
        }
        return false;
    }

    static Set<String> dataKeyed(String command) {
        return DATA_KEYED.getOrDefault(command, Set.of());
    }

    /**
     * {@code monitor} is compared one way only: every key Menagerie prints must be Apache's with Apache's type;
     * the keys it does not print yet belong to the mntr work of issue 12 and are checked there.
     */
    static boolean onlyMenagerieKeysCompared(String command) {
        return List.of("monitor").contains(command);
    }
}
