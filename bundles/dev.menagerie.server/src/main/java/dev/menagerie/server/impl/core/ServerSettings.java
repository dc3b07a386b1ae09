package dev.menagerie.server.impl.core;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.server.impl.audit.AuditSettings;
import dev.menagerie.server.impl.auth.AuthSettings;
import dev.menagerie.server.impl.auth.DigestAuthenticationProvider;
import dev.menagerie.server.impl.auth.EnsembleAuthenticationProvider;
import dev.menagerie.server.impl.auth.KerberosSettings;
import dev.menagerie.server.impl.op.PrepSettings;
import dev.menagerie.server.impl.pipeline.LargeRequestLimit;
import dev.menagerie.server.impl.pipeline.ResponseCacheSizes;
import dev.menagerie.server.impl.pipeline.StageSettings;
import dev.menagerie.server.impl.throttle.ThrottleSettings;
import java.util.Set;

/**
 * The settings the running server reads, taken from zoo.cfg with Apache's system-property fallbacks
 * ({@code -Dzookeeper.<key>}). Immutable: a new zoo.cfg revision makes a new value and the server swaps it in.
 */
public record ServerSettings(int tickTimeMs, int minSessionTimeoutMs, int maxSessionTimeoutMs, int maxClientCnxns,
        int globalOutstandingLimit, int juteMaxBufferBytes, int snapCount, Set<String> fourLetterWords,
        String superDigest, boolean digestEnabled, String digestAlgorithm, boolean skipAcl, PrepSettings prep, boolean trustEmptySnapshot,
        long containerCheckIntervalMs, String mode, java.nio.file.Path dataDir, java.nio.file.Path dataLogDir,
        int clientPort, boolean x509Enabled, String x509SuperUser, long serverId, String quorumConf,
        boolean auditEnabled, AuthSettings auth, LargeRequestLimit largeRequests, ResponseCacheSizes responseCaches,
        ThrottleSettings connectionThrottle) {

    /** @throws IllegalArgumentException naming the key, for a value the server refuses to start with */
    public static ServerSettings from(ServerConfig config) {
        return new ServerSettings(config.tickTimeMs(), config.minSessionTimeoutMs(), config.maxSessionTimeoutMs(),
                config.maxClientCnxns(), config.globalOutstandingLimit(), config.juteMaxBufferBytes(),
                config.snapCount(), config.fourLetterWordWhitelist(),
                setting(config, "DigestAuthenticationProvider.superDigest", null),
                // Apache drops the digest scheme unless this reads "true"; an authProvider.N naming the class
                // registers it all the same.
                flag(config, "DigestAuthenticationProvider.enabled", true)
                        || namesProvider(config, "DigestAuthenticationProvider", "digest"),
                digestAlgorithm(config),
                "yes".equalsIgnoreCase(setting(config, "skipACL", "no")),
                new PrepSettings(flag(config, "extendedTypesEnabled", false), flag(config, "enforceQuota", false),
                        flag(config, "reconfigEnabled", false), flag(config, "closeSessionTxn.enabled", true)),
                flag(config, "snapshot.trust.empty", false),
                // Apache reads this one as a plain JVM property, without the zookeeper. prefix.
                Long.getLong("znode.container.checkIntervalMs", 60_000L),
                config.standalone() ? "standalone" : "quorum", config.dataDir(), config.dataLogDir(),
                config.clientAddress().map(a -> a.port()).orElse(-1),
                // Apache registers the x509 scheme itself whenever a client port offers TLS.
                namesProvider(config, "X509AuthenticationProvider", "x509") || offersTls(config),
                setting(config, "X509AuthenticationProvider.superUser", null), config.myId().orElse(0L),
                QuorumConfText.of(config),
                AuditSettings.enabled(setting(config, AuditSettings.ENABLE_KEY),
                        setting(config, AuditSettings.IMPL_CLASS_KEY)), authSettings(config),
                LargeRequestLimit.parse(setting(config, LargeRequestLimit.MAX_BYTES_KEY),
                        setting(config, LargeRequestLimit.THRESHOLD_KEY)),
                ResponseCacheSizes.parse(setting(config, ResponseCacheSizes.GET_DATA_KEY),
                        setting(config, ResponseCacheSizes.GET_CHILDREN_KEY)),
                ThrottleSettings.read(key -> setting(config, key)));
    }

    /** Apache fails to start on a digest this JVM does not provide; so do we, naming the key. */
    private static String digestAlgorithm(ServerConfig config) {
        String algorithm = setting(config, DigestAuthenticationProvider.ALGORITHM_KEY,
                DigestAuthenticationProvider.DEFAULT_ALGORITHM);
        DigestAuthenticationProvider.checkAlgorithm(algorithm);
        return algorithm;
    }

    private static AuthSettings authSettings(ServerConfig config) {
        // The legacy key wins, as in Apache's AuthenticationHelper.
        boolean legacySasl = flag(config, "sessionRequireClientSASLAuth", false);
        String schemes = setting(config, "enforce.auth.schemes", "");
        String jaasSection = setting(config, "sasl.serverconfig");
        return new AuthSettings(withPrefix(config, "authProvider."),
                new java.util.HashSet<>(withPrefix(config, "superUser").entrySet().stream()
                        .filter(e -> e.getKey().matches("(zookeeper\\.)?superUser(\\..*)?"))
                        .map(java.util.Map.Entry::getValue).toList()),
                setting(config, "letAnySaslUserDoX", null),
                legacySasl || flag(config, "enforce.auth.enabled", false),
                legacySasl ? java.util.List.of("sasl") : java.util.Arrays.stream(schemes.split(","))
                        .map(String::trim).filter(scheme -> !scheme.isEmpty()).toList(),
                flag(config, "allowSaslFailedClients", false),
                jaasSection == null ? AuthSettings.DEFAULT_JAAS_SECTION : jaasSection.trim(), jaasSection != null,
                setting(config, "SASLAuthenticationProvider.superPassword"),
                setting(config, "security.auth_to_local", null),
                flag(config, "kerberos.removeHostFromPrincipal", false),
                flag(config, "kerberos.removeRealmFromPrincipal", false), kerberosSettings(config),
                setting(config, EnsembleAuthenticationProvider.NAMES_KEY));
    }

    private static KerberosSettings kerberosSettings(ServerConfig config) {
        String minReLogin = setting(config, "kerberos.minReLoginTimeMs", null);
        long minReLoginTimeMs;
        try {
            minReLoginTimeMs = minReLogin == null ? KerberosSettings.DEFAULT_MIN_RELOGIN_TIME_MS
                    : Long.parseLong(minReLogin);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kerberos.minReLoginTimeMs is not a number of milliseconds: "
                    + minReLogin);
        }
        // Apache compares requireKerberosConfig with "true" exactly.
        return new KerberosSettings(minReLoginTimeMs,
                setting(config, "kinit", KerberosSettings.DEFAULT_KINIT_COMMAND),
                "true".equals(setting(config, "requireKerberosConfig", "false")));
    }

    /** zoo.cfg first, then {@code -Dzookeeper.<key>}, then the default; trimmed. */
    static String setting(ServerConfig config, String key, String defaultValue) {
        String value = setting(config, key);
        return value == null ? defaultValue : value.trim();
    }

    /** A key as zoo.cfg sets it, else the {@code -Dzookeeper.<key>} system property Apache also reads; or null. */
    public static String setting(ServerConfig config, String key) {
        String value = config.properties().get(key);
        return value != null ? value : System.getProperty("zookeeper." + key);
    }

    /**
     * Apache loads extra auth providers from {@code authProvider.<n>=<class>} (zoo.cfg) or
     * {@code -Dzookeeper.authProvider.<n>}; we recognise its provider classes by their simple name, and our
     * built-in providers also by their scheme.
     */
    static boolean namesProvider(ServerConfig config, String simpleClassName, String scheme) {
        return withPrefix(config, "authProvider.").values().stream().map(String::trim)
                .anyMatch(value -> value.endsWith("." + simpleClassName) || value.equals(scheme));
    }

    /**
     * The zoo.cfg keys starting with {@code prefix}, then the {@code -Dzookeeper.<prefix>...} system properties, each
     * under the name it was given by (so a message can point at it).
     */
    static java.util.Map<String, String> withPrefix(ServerConfig config, String prefix) {
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        config.properties().forEach((key, value) -> {
            if (key.startsWith(prefix) && value != null) {
                found.put(key, value);
            }
        });
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("zookeeper." + prefix) && System.getProperty(key) != null) {
                found.put(key, System.getProperty(key));
            }
        }
        return found;
    }

    /** A secure client port, or TLS on the plain one ({@code client.portUnification}). */
    public static boolean offersTls(ServerConfig config) {
        return config.secureClientAddress().isPresent() || flag(config, "client.portUnification", false);
    }

    private static boolean flag(ServerConfig config, String key, boolean defaultValue) {
        return Boolean.parseBoolean(setting(config, key, Boolean.toString(defaultValue)));
    }

    /** The largest record a request may carry: Apache checks lengths against jute.maxbuffer. */
    public int maxRecordBytes() {
        return juteMaxBufferBytes;
    }

    /**
     * The hard bound of each stage's queue. {@code globalOutstandingLimit} is soft: a connection stops reading only
     * after the request that crossed it, and expiries and learners' writes are not counted. So the bound leaves
     * room for as many again, and at least {@value #MIN_QUEUE_CAPACITY}; a request beyond it is refused.
     */
    public int requestQueueCapacity() {
        long twice = 2L * Math.max(0, globalOutstandingLimit);
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(MIN_QUEUE_CAPACITY, twice));
    }

    public static final int MIN_QUEUE_CAPACITY = 1000;

    /** What the request stages are configured with. */
    public StageSettings stages() {
        return new StageSettings(prep, requestQueueCapacity(), responseCaches);
    }
}
