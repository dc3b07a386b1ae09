package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses and validates zoo.cfg like Apache ZooKeeper 3.9's {@code QuorumPeerConfig}, and more strictly. Reads the
 * file and the {@code myid} file, nothing else: no system property is set and no host name is resolved. The first
 * problem found ends parsing with a {@link ConfigException} whose message is one line for the operator.
 */
public final class ConfigParser {

    static final int DEFAULT_TICK_TIME_MS = 3000;
    static final int DEFAULT_MAX_CLIENT_CNXNS = 60;
    /** Apache's minimum; a smaller value is raised to it with a warning, as Apache does. */
    static final int MIN_SNAP_RETAIN_COUNT = 3;
    /**
     * Hours between autopurge runs when zoo.cfg does not say. Apache ZooKeeper's default is 0 (never purge), which
     * fills disks (bitnami/charts#1097, apache/zookeeper PR #865); Menagerie purges daily unless told
     * {@code autopurge.purgeInterval=0}.
     */
    static final int DEFAULT_PURGE_INTERVAL_HOURS = 24;
    /** The {@code type} of the election bundle that reads {@code electionPriority.N}. */
    static final String PRIORITY_ELECTION = "priority";

    private final Map<String, String> jvmProperties;
    private final Function<String, String> systemProperties;

    /**
     * @param jvmProperties the JVM system properties the operator gave, a copy taken before any zoo.cfg key was
     *                      set as one: they supply values zoo.cfg does not set, and are held to {@link KeyRules}
     */
    public ConfigParser(Map<String, String> jvmProperties) {
        this.jvmProperties = Map.copyOf(jvmProperties);
        this.systemProperties = this.jvmProperties::get;
    }

    /** The current JVM system properties, copied. */
    public static Map<String, String> jvmProperties() {
        Map<String, String> copy = new LinkedHashMap<>();
        java.util.Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            copy.put(name, properties.getProperty(name));
        }
        return copy;
    }

    public ParseResult parse(Path configFile) throws ConfigException {
        String fileName = String.valueOf(configFile.getFileName());
        List<ConfigLine> lines;
        try {
            lines = ZooCfgReader.read(configFile);
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot read " + configFile.toAbsolutePath() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(configFile, lines);
    }

    ParseResult parse(Path configFile, List<ConfigLine> lines) throws ConfigException {
        String fileName = String.valueOf(configFile.getFileName());
        List<String> warnings = new ArrayList<>();
        Map<String, ConfigLine> byKey = lastOccurrences(fileName, lines, warnings);
        Settings settings = new Settings(fileName, byKey, systemProperties);
        rejectUnsupported(settings);
        new PeerSettingsChecker(settings).check();
        new KeyRuleCheck(settings, warnings).check(jvmProperties);

        Path dataDir = directory(settings, "dataDir", null, warnings);
        Path dataLogDir = directory(settings, "dataLogDir", dataDir, warnings);
        requireDirectoriesUnlessAutocreate(settings, dataDir, dataLogDir);
        int tickTimeMs = settings.integer("tickTime", DEFAULT_TICK_TIME_MS, 1, Integer.MAX_VALUE);
        int maxClientCnxns = settings.integer("maxClientCnxns", DEFAULT_MAX_CLIENT_CNXNS, 0, Integer.MAX_VALUE);
        SessionTimeouts timeouts = SessionTimeouts.read(settings, tickTimeMs);
        int snapRetainCount = snapRetainCount(settings, warnings);
        int purgeIntervalHours = settings.integer("autopurge.purgeInterval", DEFAULT_PURGE_INTERVAL_HOURS, 0,
                Integer.MAX_VALUE);
        Tunables tunables = new TunablesReader(settings, systemProperties, warnings).read();
        ClientAddresses client = ClientAddresses.read(settings, tunables.cnxnFactoryType());

        Optional<Setting> multi = settings.fromFileOrProperty("multiAddress.enabled", "zookeeper.multiAddress.enabled");
        boolean multiAddress = multi.isPresent() && Settings.bool(multi.get());
        Ensemble ensemble = new EnsembleParser(settings, multiAddress, warnings).parse(lines);
        PeerMode mode = new PeerModeResolver(settings, ensemble, dataDir)
                .resolve(client.plain(), tunables.extendedTypesEnabled());
        if (mode.standalone() && mode.clientAddress().isEmpty() && client.secure().isEmpty()) {
            throw settings.missing("clientPort", "a standalone server needs clientPort or secureClientPort");
        }
        warnAboutQuorumSize(settings, ensemble, mode, warnings);
        String electionType = strategy(settings, "electionType", ServerConfig.DEFAULT_ELECTION);
        warnAboutUnusedPriorities(settings, electionType, warnings);

        ParsedServerConfig config = new ParsedServerConfig(configFile.toAbsolutePath(), 0, tickTimeMs,
                mode.initLimitTicks(), mode.syncLimitTicks(), dataDir, dataLogDir, mode.clientAddress(),
                client.secure(), maxClientCnxns, timeouts.minMs(), timeouts.maxMs(),
                tunables.globalOutstandingLimit(), tunables.snapCount(), tunables.preAllocSizeBytes(),
                tunables.forceSync(), tunables.juteMaxBufferBytes(), snapRetainCount, purgeIntervalHours,
                tunables.fourLetterWords(), mode.myId(), mode.standalone() ? List.of() : ensemble.members(),
                mode.standalone(), tunables.cnxnFactoryType(), strategy(settings, "storage",
                        ServerConfig.DEFAULT_STORAGE), electionType, verifierType(settings, ensemble),
                rawProperties(byKey));
        return new ParseResult(config, warnings, unknownKeys(settings), systemPropertiesFor(byKey));
    }

    /** As with java.util.Properties the last occurrence of a key wins, but we warn (membership keys fail later). */
    private static Map<String, ConfigLine> lastOccurrences(String fileName, List<ConfigLine> lines,
            List<String> warnings) {
        Map<String, ConfigLine> byKey = new LinkedHashMap<>();
        for (ConfigLine line : lines) {
            ConfigLine earlier = byKey.put(line.key(), line);
            if (earlier != null && !KeyCatalog.isMembership(line.key())) {
                warnings.add(fileName + ":" + line.lineNumber() + ": " + line.key() + ": set again (first at line "
                        + earlier.lineNumber() + "); the last value wins");
            }
        }
        return byKey;
    }

    /** Priorities only mean something to the priority election: say so rather than ignore them in silence. */
    private static void warnAboutUnusedPriorities(Settings settings, String electionType, List<String> warnings) {
        if (electionType.equals(PRIORITY_ELECTION)) {
            return;
        }
        settings.lines().values().stream().filter(l -> KeyCatalog.PRIORITY_KEY.matcher(l.key()).matches())
                .findFirst().ifPresent(l -> warnings.add(settings.fileName() + ":" + l.lineNumber() + ": " + l.key()
                        + ": ignored: election priorities are used by electionType=" + PRIORITY_ELECTION
                        + " only, and electionType is " + electionType));
    }

    private static void rejectUnsupported(Settings settings) throws ConfigException {
        Optional<Setting> electionAlg = settings.fromFile("electionAlg");
        if (electionAlg.isPresent() && !electionAlg.get().value().equals("3")) {
            throw electionAlg.get().invalid("3 (fast leader election, the only algorithm since ZooKeeper 3.6)");
        }
    }

    private static Path directory(Settings settings, String key, Path fallback, List<String> warnings)
            throws ConfigException {
        Optional<Setting> setting = settings.fromFile(key);
        if (setting.isEmpty()) {
            if (fallback == null) {
                throw settings.missing(key, "required: the directory for snapshots and the myid file");
            }
            return fallback;
        }
        if (setting.get().value().isEmpty()) {
            throw setting.get().invalid("a directory path");
        }
        Path path;
        try {
            path = Path.of(setting.get().value());
        } catch (java.nio.file.InvalidPathException e) {
            throw setting.get().invalid("a directory path");
        }
        if (!path.isAbsolute()) {
            warnings.add(setting.get().origin() + ": " + key + ": relative path " + path
                    + " is resolved against the working directory");
        }
        return path;
    }

    /**
     * Apache's {@code zookeeper.datadir.autocreate=false} (ZOOKEEPER-1161): the {@code version-2} folders must exist,
     * so that a data disk that failed to mount stops the server instead of starting it empty.
     */
    private static void requireDirectoriesUnlessAutocreate(Settings settings, Path dataDir, Path dataLogDir)
            throws ConfigException {
        Optional<Setting> autocreate = settings.fromFileOrProperty("datadir.autocreate", "zookeeper.datadir.autocreate");
        if (autocreate.isEmpty() || Settings.bool(autocreate.get())) {
            return;
        }
        for (Path dir : List.of(dataLogDir, dataDir)) {
            Path versioned = dir.resolve("version-2");
            if (!java.nio.file.Files.isDirectory(versioned)) {
                throw autocreate.get().error("the data directory " + versioned + " is missing and must be created"
                        + " by hand while datadir.autocreate is false");
            }
        }
    }

    private static int snapRetainCount(Settings settings, List<String> warnings) throws ConfigException {
        int count = settings.integer("autopurge.snapRetainCount", MIN_SNAP_RETAIN_COUNT, Integer.MIN_VALUE,
                Integer.MAX_VALUE);
        if (count < MIN_SNAP_RETAIN_COUNT) {
            warnings.add(settings.fromFile("autopurge.snapRetainCount").get().origin()
                    + ": autopurge.snapRetainCount: " + count + " is below the minimum; using "
                    + MIN_SNAP_RETAIN_COUNT);
            return MIN_SNAP_RETAIN_COUNT;
        }
        return count;
    }

    private static String strategy(Settings settings, String key, String fallback) throws ConfigException {
        Optional<Setting> setting = settings.fromFile(key);
        return setting.isEmpty() ? fallback : TunablesReader.typeName(setting.get());
    }

    private static String verifierType(Settings settings, Ensemble ensemble) throws ConfigException {
        String fallback = ensemble.hasGroups() ? ServerConfig.HIERARCHICAL_VERIFIER : ServerConfig.DEFAULT_VERIFIER;
        return strategy(settings, "quorumVerifier", fallback);
    }

    private static void warnAboutQuorumSize(Settings settings, Ensemble ensemble, PeerMode mode,
            List<String> warnings) {
        long voters = ensemble.participantCount();
        if (mode.standalone() && voters == 1) {
            warnings.add(settings.fileName() + ": server.N: only one participant is listed, so this server runs"
                    + " standalone (standaloneEnabled=true)");
        } else if (!mode.standalone() && voters <= 2) {
            warnings.add(settings.fileName() + ": server.N: with " + voters + " participants no server failure is"
                    + " tolerated; use at least 3");
        } else if (!mode.standalone() && voters % 2 == 0) {
            warnings.add(settings.fileName() + ": server.N: an even number of participants (" + voters
                    + ") tolerates no more failures than one fewer");
        }
    }

    private static Map<String, String> rawProperties(Map<String, ConfigLine> byKey) {
        Map<String, String> raw = new LinkedHashMap<>();
        byKey.values().forEach(line -> raw.put(line.key(), line.value()));
        return raw;
    }

    private static List<String> unknownKeys(Settings settings) {
        List<String> unknown = new ArrayList<>();
        for (ConfigLine line : settings.lines().values()) {
            if (!KeyCatalog.consumedHere(line.key()) && KeyRules.find(line.key()).isEmpty()) {
                unknown.add(settings.fileName() + ":" + line.lineNumber() + ": " + line.key()
                        + ": unknown key, passed on as system property zookeeper." + line.key());
            }
        }
        return unknown;
    }

    /** Apache's rule: every key its parser does not consume becomes {@code zookeeper.<key>}. */
    private static Map<String, String> systemPropertiesFor(Map<String, ConfigLine> byKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (ConfigLine line : byKey.values()) {
            if (!KeyCatalog.consumedHere(line.key())) {
                properties.put("zookeeper." + line.key(), line.value());
            }
        }
        ConfigLine jute = byKey.get("jute.maxbuffer");
        if (jute != null) {
            properties.put("jute.maxbuffer", jute.value());
        }
        return properties;
    }
}
