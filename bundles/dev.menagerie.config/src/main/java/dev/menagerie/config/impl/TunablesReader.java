package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the settings that Apache ZooKeeper takes from system properties ({@code zookeeper.snapCount},
 * {@code jute.maxbuffer}, ...). zoo.cfg wins; otherwise the JVM property supplies the value, as in Apache.
 */
final class TunablesReader {

    static final int DEFAULT_SNAP_COUNT = 100_000;
    /** Apache's default transaction log preallocation: 64 MiB, configured in KiB. */
    static final long DEFAULT_PRE_ALLOC_SIZE_KB = 65_536;
    static final int DEFAULT_GLOBAL_OUTSTANDING_LIMIT = 1000;
    static final int DEFAULT_JUTE_MAX_BUFFER_BYTES = 0xfffff;
    /** Since 3.5 only {@code srvr} is on unless the operator lists more ({@code *} means all). */
    static final Set<String> DEFAULT_FOUR_LETTER_WORDS = Set.of("srvr");
    static final Set<String> KNOWN_FOUR_LETTER_WORDS = Set.of("conf", "cons", "crst", "dump", "envi", "gtmk",
            "ruok", "stmk", "srst", "srvr", "stat", "wchc", "wchp", "wchs", "mntr", "isro", "dirs", "hash");

    private static final Pattern TYPE_NAME = Pattern.compile("\\S+");

    private final Settings settings;
    private final java.util.function.Function<String, String> systemProperties;
    private final List<String> warnings;

    TunablesReader(Settings settings, java.util.function.Function<String, String> systemProperties,
            List<String> warnings) {
        this.settings = settings;
        this.systemProperties = systemProperties;
        this.warnings = warnings;
    }

    Tunables read() throws ConfigException {
        int snapCount = intSetting("snapCount", DEFAULT_SNAP_COUNT, 2);
        long preAllocKb = longSetting("preAllocSize", DEFAULT_PRE_ALLOC_SIZE_KB, 1, Long.MAX_VALUE / 1024);
        boolean forceSync = lookup("forceSync").isEmpty() || Settings.yesNo(lookup("forceSync").get());
        int outstanding = intSetting("globalOutstandingLimit", DEFAULT_GLOBAL_OUTSTANDING_LIMIT, 1);
        int juteMax = juteMaxBuffer();
        Set<String> words = fourLetterWords();
        boolean extendedTypes = boolSetting("extendedTypesEnabled", false);
        boolean digest = boolSetting("digest.enabled", true);
        String factory = cnxnFactoryType();
        return new Tunables(snapCount, preAllocKb * 1024, forceSync, outstanding, juteMax, words, extendedTypes,
                digest, factory);
    }

    private Optional<Setting> lookup(String key) {
        return settings.fromFileOrProperty(key, "zookeeper." + key);
    }

    private int intSetting(String key, int fallback, int min) throws ConfigException {
        Optional<Setting> setting = lookup(key);
        return setting.isEmpty() ? fallback : Settings.integer(setting.get(), min, Integer.MAX_VALUE);
    }

    private long longSetting(String key, long fallback, long min, long max) throws ConfigException {
        Optional<Setting> setting = lookup(key);
        return setting.isEmpty() ? fallback : Settings.longValue(setting.get(), min, max);
    }

    private boolean boolSetting(String key, boolean fallback) throws ConfigException {
        Optional<Setting> setting = lookup(key);
        return setting.isEmpty() ? fallback : Settings.bool(setting.get());
    }

    /** Jute reads the plain JVM property {@code jute.maxbuffer}, in decimal, hex ({@code 0x}) or octal. */
    private int juteMaxBuffer() throws ConfigException {
        Optional<Setting> setting = settings.fromFileOrProperty("jute.maxbuffer", "jute.maxbuffer");
        if (setting.isEmpty()) {
            return DEFAULT_JUTE_MAX_BUFFER_BYTES;
        }
        try {
            int bytes = Integer.decode(setting.get().value());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw setting.get().invalid("a positive number of bytes (decimal or 0x hex)");
    }

    private Set<String> fourLetterWords() throws ConfigException {
        Optional<Setting> setting = lookup("4lw.commands.whitelist");
        if (setting.isEmpty()) {
            return defaultFourLetterWords();
        }
        List<String> entries = Arrays.stream(setting.get().value().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw setting.get().invalid("a comma-separated list of four-letter words, or *");
        }
        if (entries.contains("*")) {
            return Set.of("*");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String entry : entries) {
            String word = entry.toLowerCase(Locale.ROOT);
            if (word.length() != 4) {
                throw setting.get().error("\"" + entry + "\" is not a four-letter word");
            }
            if (!KNOWN_FOUR_LETTER_WORDS.contains(word)) {
                warnings.add(setting.get().origin() + ": 4lw.commands.whitelist: unknown command \"" + entry
                        + "\" (ignored by the server)");
            }
            words.add(word);
        }
        return words;
    }

    /** As in Apache: {@code srvr}, plus {@code isro} when read-only mode is enabled. */
    private Set<String> defaultFourLetterWords() {
        if (Boolean.parseBoolean(systemProperties.apply("readonlymode.enabled"))) {
            return Set.of("srvr", "isro");
        }
        return DEFAULT_FOUR_LETTER_WORDS;
    }

    /** {@code nio}, {@code netty}, Apache's class names for them, or a plugin's own type name. */
    private String cnxnFactoryType() throws ConfigException {
        Optional<Setting> setting = lookup("serverCnxnFactory");
        if (setting.isEmpty()) {
            return ServerConfig.DEFAULT_CNXN_FACTORY;
        }
        String value = setting.get().value();
        return switch (value) {
            case "org.apache.zookeeper.server.NIOServerCnxnFactory" -> "nio";
            case "org.apache.zookeeper.server.NettyServerCnxnFactory" -> "netty";
            default -> typeName(setting.get());
        };
    }

    /** A strategy type name: any text without whitespace; {@code nio} and {@code netty} in any case. */
    static String typeName(Setting setting) throws ConfigException {
        String value = setting.value();
        if (!TYPE_NAME.matcher(value).matches()) {
            throw setting.invalid("a type name without spaces");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("nio") || lower.equals("netty") ? lower : value;
    }
}
