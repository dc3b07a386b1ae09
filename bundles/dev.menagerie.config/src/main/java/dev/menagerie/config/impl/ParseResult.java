package dev.menagerie.config.impl;

import java.util.List;
import java.util.Map;

/**
 * What parsing produced, with no side effects done yet: the configuration, the warnings to log, the unknown keys
 * to report (one line each), and the system properties Apache ZooKeeper would set for keys it does not consume.
 */
public record ParseResult(ParsedServerConfig config, List<String> warnings, List<String> unknownKeys,
        Map<String, String> systemProperties) {

    public ParseResult {
        warnings = List.copyOf(warnings);
        unknownKeys = List.copyOf(unknownKeys);
        systemProperties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(systemProperties));
    }
}
