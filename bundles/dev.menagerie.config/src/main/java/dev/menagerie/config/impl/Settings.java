package dev.menagerie.config.impl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the entries of one zoo.cfg. Every getter checks the text and fails with one message naming the
 * file, the line and the key. Keys that Apache ZooKeeper reads from {@code zookeeper.<key>} system properties fall
 * back to that property when zoo.cfg does not set them: zoo.cfg wins.
 */
final class Settings {

    private final String fileName;
    private final Map<String, ConfigLine> lines;
    private final Function<String, String> systemProperties;

    Settings(String fileName, Map<String, ConfigLine> lines, Function<String, String> systemProperties) {
        this.fileName = fileName;
        this.lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        this.systemProperties = systemProperties;
    }

    String fileName() {
        return fileName;
    }

    Map<String, ConfigLine> lines() {
        return lines;
    }

    /** The setting from zoo.cfg only. */
    Optional<Setting> fromFile(String key) {
        ConfigLine line = lines.get(key);
        return line == null ? Optional.empty()
                : Optional.of(new Setting(key, line.value(), fileName + ":" + line.lineNumber()));
    }

    /** The setting from zoo.cfg, else from the named system property. */
    Optional<Setting> fromFileOrProperty(String key, String propertyName) {
        Optional<Setting> inFile = fromFile(key);
        if (inFile.isPresent()) {
            return inFile;
        }
        String property = systemProperties.apply(propertyName);
        return property == null ? Optional.empty()
                : Optional.of(new Setting(key, property.trim(), fileName + ": -D" + propertyName));
    }

    /** A setting that zoo.cfg does not set: the message names only the file and the key. */
    ConfigException missing(String key, String explanation) {
        return new ConfigException(fileName + ": " + key + ": " + explanation);
    }

    /** A file-level error about a key, pointing at its line when the file has it. */
    ConfigException error(String key, String explanation) {
        return fromFile(key).map(s -> s.error(explanation)).orElseGet(() -> missing(key, explanation));
    }

    String text(String key, String fallback) {
        return fromFile(key).map(Setting::value).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) throws ConfigException {
        Optional<Setting> setting = fromFile(key);
        return setting.isEmpty() ? fallback : integer(setting.get(), min, max);
    }

    static int integer(Setting setting, int min, int max) throws ConfigException {
        return (int) longValue(setting, min, max);
    }

    static long longValue(Setting setting, long min, long max) throws ConfigException {
        long parsed;
        try {
            parsed = Long.parseLong(setting.value());
        } catch (NumberFormatException e) {
            throw setting.invalid(describeRange(min, max));
        }
        if (parsed < min || parsed > max) {
            throw setting.invalid(describeRange(min, max));
        }
        return parsed;
    }

    static String describeRange(long min, long max) {
        boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        if (min == 1 && unbounded) {
            return "a positive integer";
        }
        if (unbounded) {
            return "an integer of at least " + min;
        }
        return "an integer from " + min + " to " + max;
    }

    /** Apache ZooKeeper's booleans: {@code true} or {@code false}, in any case. */
    boolean bool(String key, boolean fallback) throws ConfigException {
        Optional<Setting> setting = fromFile(key);
        return setting.isEmpty() ? fallback : bool(setting.get());
    }

    static boolean bool(Setting setting) throws ConfigException {
        String value = setting.value().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw setting.invalid("true or false");
    }

    /** {@code forceSync} style switches: {@code yes}/{@code no}, also {@code true}/{@code false}. */
    static boolean yesNo(Setting setting) throws ConfigException {
        String value = setting.value().toLowerCase(Locale.ROOT);
        if (value.equals("yes") || value.equals("true")) {
            return true;
        }
        if (value.equals("no") || value.equals("false")) {
            return false;
        }
        throw setting.invalid("yes or no");
    }
}
