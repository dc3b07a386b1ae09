package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.ServerConfig;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's quorum tunables that zoo.cfg may set, or a {@code -Dzookeeper.<key>} system property as in Apache (zoo.cfg
 * wins). The config bundle lists them as implemented; a value that does not fit is reported in one line and the
 * default kept.
 */
final class QuorumTunables {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumTunables.class);

    private QuorumTunables() {
    }

    /** The number {@code key}, or {@code defaultValue} when unset or not a number. */
    static double doubleValue(ServerConfig config, String key, double defaultValue) {
        String value = raw(config, key);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isNaN(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{} must be a number, not \"{}\"; keeping {}", key, value, defaultValue);
        return defaultValue;
    }

    private static String raw(ServerConfig config, String key) {
        String value = config.properties().get(key);
        return value != null ? value : System.getProperty("zookeeper." + key);
    }

    /** The integer {@code key}, or {@code defaultValue} when unset or when it is not an integer {@code valid} takes. */
    static int intValue(ServerConfig config, String key, int defaultValue, IntPredicate valid, String validText) {
        String value = raw(config, key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (valid.test(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{} must be {}, not \"{}\"; keeping {}", key, validText, value, defaultValue);
        return defaultValue;
    }
}
