package dev.menagerie.config.impl;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which zoo.cfg keys mean what. Apache ZooKeeper 3.9's {@code QuorumPeerConfig.parseProperties} reads a fixed list
 * of keys itself and turns every other key into the system property {@code zookeeper.<key>}; many settings
 * (snapCount, forceSync, 4lw.commands.whitelist, admin.*, ssl.*) only exist that way. We keep that split: the
 * keys listed here are consumed by the parser, every other key is also handed on as a system property. What
 * Menagerie does with each key Apache honours is in {@link KeyRules}.
 */
final class KeyCatalog {

    /** Keys Apache ZooKeeper's parser consumes itself (never system properties). */
    static final Set<String> PEER_KEYS = Set.of(
            "dataDir", "dataLogDir", "clientPort", "clientPortAddress", "secureClientPort",
            "secureClientPortAddress", "observerMasterPort", "clientPortListenBacklog", "tickTime",
            "maxClientCnxns", "minSessionTimeout", "maxSessionTimeout", "initLimit", "syncLimit",
            "connectToLearnerMasterLimit", "electionAlg", "quorumListenOnAllIPs", "peerType", "syncEnabled",
            "dynamicConfigFile", "autopurge.snapRetainCount", "autopurge.purgeInterval", "standaloneEnabled",
            "reconfigEnabled", "sslQuorum", "portUnification", "sslQuorumReloadCertFiles",
            "localSessionsEnabled", "localSessionsUpgradingEnabled", "quorum.cnxn.threads.size",
            "jvm.pause.info-threshold.ms", "jvm.pause.warn-threshold.ms", "jvm.pause.sleep.time.ms",
            "jvm.pause.monitor", "multiAddress.enabled", "multiAddress.reachabilityCheckTimeoutMs",
            "multiAddress.reachabilityCheckEnabled", "oraclePath");

    /** Prefixes of further keys Apache ZooKeeper's parser consumes. */
    static final Set<String> PEER_PREFIXES = Set.of("quorum.auth.", "metricsProvider.");

    /** Menagerie's own keys choosing strategies; they are not system properties. */
    static final Set<String> STRATEGY_KEYS = Set.of("quorumVerifier", "storage", "electionType");

    /** Quorum membership lines: {@code server.N}, {@code group.G}, {@code weight.N}. */
    static final Pattern SERVER_KEY = Pattern.compile("server\\.(.*)");
    static final Pattern GROUP_KEY = Pattern.compile("group\\.(.*)");
    static final Pattern WEIGHT_KEY = Pattern.compile("weight\\.(.*)");
    /** Menagerie's {@code electionPriority.N}: server N's rank for {@code electionType=priority}. */
    static final Pattern PRIORITY_KEY = Pattern.compile("electionPriority\\.(.*)");
    private static final Pattern MEMBERSHIP_ID = Pattern.compile("(server|group|weight)\\.[0-9]+");

    /**
     * Keys whose change a running server applies: limits, the four-letter words, the snapshot interval and the
     * strategies (their consumers hot-swap bound services), and the metrics provider's keys (the metrics bundle
     * restarts the provider with them). The storage reads forceSync and autopurge.* when it
     * opens, so they, like everything else, need a restart.
     */
    static final Set<String> LIVE_KEYS = Set.of(
            "maxClientCnxns", "minSessionTimeout", "maxSessionTimeout", "globalOutstandingLimit",
            "4lw.commands.whitelist", "serverCnxnFactory", "quorumVerifier", "storage", "electionType",
            "snapCount", "jute.maxbuffer", "audit.enable", "jvm.pause.monitor", "jvm.pause.sleep.time.ms",
            "jvm.pause.info-threshold.ms", "jvm.pause.warn-threshold.ms", "metricsProvider.className",
            "metricsProvider.httpHost", "metricsProvider.httpPort", "metricsProvider.exportJvmInfo");

    private KeyCatalog() {
    }

    /**
     * True when the key is consumed here and is not handed on as a system property. Election priorities are ours
     * and must be the same on every server, so they come from zoo.cfg only (Apache would make a property of them).
     */
    static boolean consumedHere(String key) {
        return PEER_KEYS.contains(key) || STRATEGY_KEYS.contains(key) || isMembership(key)
                || PRIORITY_KEY.matcher(key).matches() || PEER_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** True when the key is read from zoo.cfg only, never from a {@code zookeeper.<key>} property. */
    static boolean fileOnly(String key) {
        return PEER_KEYS.contains(key) || STRATEGY_KEYS.contains(key) || MEMBERSHIP_ID.matcher(key).matches()
                || PRIORITY_KEY.matcher(key).matches() || PEER_PREFIXES.stream().anyMatch(key::startsWith);
    }

    static boolean isMembership(String key) {
        return SERVER_KEY.matcher(key).matches() || GROUP_KEY.matcher(key).matches()
                || WEIGHT_KEY.matcher(key).matches();
    }

    static boolean liveKey(String key) {
        return LIVE_KEYS.contains(key);
    }
}
