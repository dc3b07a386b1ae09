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

    /** The integer {@code key}, or {@code defaultValue} when unset or when it is not an integer {@code valid} takes. */
    static int intValue(ServerConfig config, String key, int defaultValue, IntPredicate valid, String validText) {
        String value = config.properties().get(key);
        if (value == null) {
            value = System.getProperty("zookeeper." + key);
        }
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
