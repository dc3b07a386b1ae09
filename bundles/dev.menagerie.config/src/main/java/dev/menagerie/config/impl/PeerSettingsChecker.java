package dev.menagerie.config.impl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Checks the Apache ZooKeeper keys that Menagerie does not model in {@code ServerConfig} but must still reject
 * when malformed, as Apache does: switches, counts, {@code peerType} and the quorum SASL combination rules.
 * Consumers read these from {@code ServerConfig.properties()}.
 */
final class PeerSettingsChecker {

    static final List<String> BOOLEAN_KEYS = List.of("quorumListenOnAllIPs", "syncEnabled", "standaloneEnabled",
            "reconfigEnabled", "sslQuorum", "portUnification", "sslQuorumReloadCertFiles", "localSessionsEnabled",
            "localSessionsUpgradingEnabled", "multiAddress.enabled", "multiAddress.reachabilityCheckEnabled",
            "jvm.pause.monitor", "quorum.auth.enableSasl", "quorum.auth.learnerRequireSasl",
            "quorum.auth.serverRequireSasl", "digest.enabled", "extendedTypesEnabled", "admin.enableServer",
            "snapshot.trust.empty");

    static final List<String> NON_NEGATIVE_KEYS = List.of("connectToLearnerMasterLimit",
            "multiAddress.reachabilityCheckTimeoutMs", "jvm.pause.info-threshold.ms", "jvm.pause.warn-threshold.ms",
            "admin.serverPort", "cnxTimeout");

    static final List<String> POSITIVE_KEYS = List.of("quorum.cnxn.threads.size", "jvm.pause.sleep.time.ms");

    private final Settings settings;

    PeerSettingsChecker(Settings settings) {
        this.settings = settings;
    }

    void check() throws ConfigException {
        for (String key : BOOLEAN_KEYS) {
            settings.bool(key, false);
        }
        for (String key : NON_NEGATIVE_KEYS) {
            Optional<Setting> setting = settings.fromFile(key);
            if (setting.isPresent()) {
                Settings.longValue(setting.get(), 0, Long.MAX_VALUE);
            }
        }
        for (String key : POSITIVE_KEYS) {
            settings.integer(key, 1, 1, Integer.MAX_VALUE);
        }
        settings.integer("clientPortListenBacklog", -1, -1, Integer.MAX_VALUE);
        settings.integer("admin.serverPort", 8080, 0, 65535);
        checkPeerType();
        checkElectionPriorities();
        checkStorageKeys();
        checkSasl();
        checkFipsMode();
        checkSuperDigest();
        checkDigestAlgorithm();
    }

    private void checkPeerType() throws ConfigException {
        Optional<Setting> peerType = settings.fromFile("peerType");
        if (peerType.isPresent()) {
            String value = peerType.get().value().toLowerCase(Locale.ROOT);
            if (!value.equals("participant") && !value.equals("observer")) {
                throw peerType.get().invalid("participant or observer");
            }
        }
    }

    /** {@code electionPriority.N=P}: N a server id, P a rank from 0 (the default) up; higher ranks lead first. */
    private void checkElectionPriorities() throws ConfigException {
        for (String key : settings.lines().keySet()) {
            Matcher priority = KeyCatalog.PRIORITY_KEY.matcher(key);
            if (priority.matches()) {
                Setting setting = settings.fromFile(key).orElseThrow();
                if (!priority.group(1).matches("[0-9]{1,18}")) {
                    throw setting.error("expected electionPriority.N with N a server id");
                }
                Settings.integer(setting, 0, Integer.MAX_VALUE);
            }
        }
    }

    /** Keys the storage receives; Apache also reads them as {@code -Dzookeeper.<key>}. */
    private void checkStorageKeys() throws ConfigException {
        Optional<Setting> threshold = settings.fromFileOrProperty("fsync.warningthresholdms",
                "zookeeper.fsync.warningthresholdms");
        if (threshold.isPresent()) {
            Settings.longValue(threshold.get(), 0, Long.MAX_VALUE);
        }
        Optional<Setting> compression = settings.fromFileOrProperty("snapshot.compression.method",
                "zookeeper.snapshot.compression.method");
        if (compression.isPresent()) {
            String method = compression.get().value().toLowerCase(Locale.ROOT);
            if (!method.isEmpty() && !method.equals("gz") && !method.equals("snappy")) {
                throw compression.get().invalid("gz, snappy, or empty for uncompressed snapshots");
            }
        }
    }

    /** Apache's rules: requiring SASL needs it enabled, and a server that requires it must also use it to learn. */
    private void checkSasl() throws ConfigException {
        boolean enabled = settings.bool("quorum.auth.enableSasl", false);
        boolean serverRequires = settings.bool("quorum.auth.serverRequireSasl", false);
        boolean learnerRequires = settings.bool("quorum.auth.learnerRequireSasl", false);
        if (!enabled && serverRequires) {
            throw settings.error("quorum.auth.serverRequireSasl", "needs quorum.auth.enableSasl=true");
        }
        if (!enabled && learnerRequires) {
            throw settings.error("quorum.auth.learnerRequireSasl", "needs quorum.auth.enableSasl=true");
        }
        if (serverRequires && !learnerRequires) {
            throw settings.error("quorum.auth.serverRequireSasl", "needs quorum.auth.learnerRequireSasl=true, or"
                    + " this server could not join its own quorum");
        }
    }

    /**
     * fips-mode=false (Apache's default is true) lets quorum SASL learners use DIGEST-MD5, which Menagerie does. It
     * also makes Apache's TLS trust manager (ZKTrustManager) check host names against certificates: between servers
     * unless ssl.quorum.hostnameVerification=false, and of clients with ssl.clientHostnameVerification=true.
     * Menagerie checks the certificate chain only, as Apache does in FIPS mode, so those combinations would be
     * weaker than asked for: refused.
     */
    private void checkFipsMode() throws ConfigException {
        Optional<Setting> fipsMode = settings.fromFileOrProperty("fips-mode", "zookeeper.fips-mode");
        if (fipsMode.isEmpty() || !fipsMode.get().value().equalsIgnoreCase("false")) {
            return;
        }
        boolean quorumTls = settings.bool("sslQuorum", false) || settings.bool("portUnification", false);
        if (quorumTls && !isFalse("ssl.quorum.hostnameVerification")) {
            throw fipsMode.get().error("with quorum TLS this asks for Apache's host name checks between servers,"
                    + " which Menagerie does not do (it checks the certificate chain, as Apache in FIPS mode);"
                    + " remove fips-mode=false, or set ssl.quorum.hostnameVerification=false");
        }
        boolean clientTls = settings.fromFile("secureClientPort").isPresent();
        if (clientTls && isTrue("ssl.clientHostnameVerification") && !isFalse("ssl.hostnameVerification")) {
            throw fipsMode.get().error("with ssl.clientHostnameVerification=true this asks for Apache's host name"
                    + " checks of client certificates, which Menagerie does not do; remove fips-mode=false, or set"
                    + " ssl.clientHostnameVerification=false");
        }
    }

    private boolean isFalse(String key) {
        return settings.fromFileOrProperty(key, "zookeeper." + key).map(s -> s.value().equalsIgnoreCase("false"))
                .orElse(false);
    }

    private boolean isTrue(String key) {
        return settings.fromFileOrProperty(key, "zookeeper." + key).map(s -> s.value().equalsIgnoreCase("true"))
                .orElse(false);
    }

    /**
     * Apache hashes digest credentials with any {@link java.security.MessageDigest} its JVM provides; for a name the JVM
     * lacks, its DigestAuthenticationProvider fails to load and the server does not start.
     */
    private void checkDigestAlgorithm() throws ConfigException {
        Optional<Setting> algorithm = settings.fromFileOrProperty("DigestAuthenticationProvider.digestAlg",
                "zookeeper.DigestAuthenticationProvider.digestAlg");
        if (algorithm.isPresent()) {
            try {
                java.security.MessageDigest.getInstance(algorithm.get().value().trim());
            } catch (java.security.NoSuchAlgorithmException | IllegalArgumentException e) {
                throw algorithm.get().invalid("a message digest this JVM provides, such as SHA1, SHA-256 or SHA3-256");
            }
        }
    }

    /** {@code user:base64(hash(user:password))}, as DigestAuthenticationProvider expects. */
    private void checkSuperDigest() throws ConfigException {
        Optional<Setting> digest = settings.fromFile("DigestAuthenticationProvider.superDigest");
        if (digest.isPresent() && !digest.get().value().matches("[^:]+:[A-Za-z0-9+/]+=*")) {
            throw digest.get().invalid("user:base64-digest (see DigestAuthenticationProvider.generateDigest)");
        }
    }
}
