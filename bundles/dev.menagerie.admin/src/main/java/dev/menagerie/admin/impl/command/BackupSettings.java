package dev.menagerie.admin.impl.command;

import dev.menagerie.api.config.ServerConfig;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zoo.cfg keys of {@code snapshot} and {@code restore}: Apache ZooKeeper's system properties
 * {@code zookeeper.admin.*} without the prefix, with Apache's defaults.
 *
 * @param snapshotEnabled {@code admin.snapshot.enabled}, default true
 * @param restoreEnabled {@code admin.restore.enabled}, default true
 * @param rateLimiterInterval {@code admin.rateLimiterIntervalInMS}, default 300000. Apache's restore waits this many
 *     milliseconds between two requests, its snapshot this many microseconds (its rate limiter is built with
 *     {@code TimeUnit.MICROSECONDS}), so by default 300 ms
 */
record BackupSettings(boolean snapshotEnabled, boolean restoreEnabled, long rateLimiterInterval) {

    static final String SNAPSHOT_ENABLED = "admin.snapshot.enabled";
    static final String RESTORE_ENABLED = "admin.restore.enabled";
    static final String RATE_LIMITER_INTERVAL = "admin.rateLimiterIntervalInMS";
    static final long DEFAULT_RATE_LIMITER_INTERVAL = 300_000;

    private static final Logger LOG = LoggerFactory.getLogger(BackupSettings.class);

    static BackupSettings of(ServerConfig config) {
        Map<String, String> properties = config == null ? Map.of() : config.properties();
        return new BackupSettings(enabled(properties.get(SNAPSHOT_ENABLED)), enabled(properties.get(RESTORE_ENABLED)),
                interval(properties.get(RATE_LIMITER_INTERVAL)));
    }

    /** The snapshot command's interval: Apache reads the value as microseconds there. */
    long snapshotIntervalMs() {
        return rateLimiterInterval / 1000;
    }

    /** The restore command's interval, in milliseconds as the key's name says. */
    long restoreIntervalMs() {
        return rateLimiterInterval;
    }

    /** Apache's {@code Boolean.parseBoolean}: anything but {@code true} (in any case) is false. */
    private static boolean enabled(String value) {
        return value == null || value.isBlank() || "true".equals(value.strip().toLowerCase(Locale.ROOT));
    }

    private static long interval(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_RATE_LIMITER_INTERVAL;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            LOG.warn("{}={} is not a whole number; using {}", RATE_LIMITER_INTERVAL, value,
                    DEFAULT_RATE_LIMITER_INTERVAL);
            return DEFAULT_RATE_LIMITER_INTERVAL;
        }
    }
}
