package dev.menagerie.config.impl;

/**
 * A value with where it came from: a line of zoo.cfg, or a JVM system property when zoo.cfg does not set the key.
 *
 * @param key the zoo.cfg key
 * @param value the trimmed text
 * @param origin {@code zoo.cfg:7} or {@code zoo.cfg: -Dzookeeper.snapCount}, the prefix of every error message
 */
record Setting(String key, String value, String origin) {

    /** The one-line error for this setting: {@code zoo.cfg:7: tickTime: expected ..., got "abc"}. */
    ConfigException invalid(String expectation) {
        return new ConfigException(origin + ": " + key + ": expected " + expectation + ", got \"" + value + "\"");
    }

    /** An error about this setting with a free-form explanation. */
    ConfigException error(String explanation) {
        return new ConfigException(origin + ": " + key + ": " + explanation);
    }
}
