package dev.menagerie.admin.impl.pause;

import java.util.Map;

/**
 * Apache ZooKeeper's JVM pause monitor settings, read from zoo.cfg (the config bundle validated them): whether it
 * runs, how long it sleeps between looks, and how much longer than that a sleep must take to be logged at INFO and
 * at WARN.
 */
record PauseMonitorSettings(boolean enabled, long sleepMs, long infoThresholdMs, long warnThresholdMs) {

    static final long DEFAULT_SLEEP_MS = 500;
    static final long DEFAULT_INFO_THRESHOLD_MS = 1000;
    static final long DEFAULT_WARN_THRESHOLD_MS = 10_000;
    static final PauseMonitorSettings OFF = new PauseMonitorSettings(false, DEFAULT_SLEEP_MS,
            DEFAULT_INFO_THRESHOLD_MS, DEFAULT_WARN_THRESHOLD_MS);

    PauseMonitorSettings {
        assert sleepMs > 0 && infoThresholdMs >= 0 && warnThresholdMs >= 0 : "validated by the config bundle";
    }

    static PauseMonitorSettings from(Map<String, String> zooCfg) {
        return new PauseMonitorSettings(Boolean.parseBoolean(trimmed(zooCfg.get("jvm.pause.monitor"))),
                number(zooCfg, "jvm.pause.sleep.time.ms", DEFAULT_SLEEP_MS),
                number(zooCfg, "jvm.pause.info-threshold.ms", DEFAULT_INFO_THRESHOLD_MS),
                number(zooCfg, "jvm.pause.warn-threshold.ms", DEFAULT_WARN_THRESHOLD_MS));
    }

    private static long number(Map<String, String> zooCfg, String key, long fallback) {
        String value = trimmed(zooCfg.get(key));
        return value == null ? fallback : Long.parseLong(value);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
