package dev.menagerie.server.impl.throttle;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's connection throttle settings ({@code connection_throttle_*}, read as zoo.cfg keys or as
 * {@code -Dzookeeper.connection_throttle_*}), already weighed: with weights on, the bucket and its refill are in
 * units of a local session's weight, Apache's assumption being that the configured tokens count global sessions.
 *
 * @param maxTokens      bucket size; 0 turns the throttle off (the default)
 * @param fillTimeMs     refill period
 * @param fillCount      tokens added per refill period
 * @param freezeTimeMs   how often the drop probability may change; -1 (the default) turns the random drops off
 * @param dropIncrease   added to the drop probability while the bucket is empty
 * @param dropDecrease   taken from it while the bucket is used below {@code decreaseRatio}
 * @param decreaseRatio  the share of the bucket in use under which the probability decreases
 * @param globalWeight   tokens a new session takes when weights are on
 * @param localWeight    tokens a new local session would take (Menagerie's sessions are all global)
 * @param renewWeight    tokens a reconnection to an existing session takes when weights are on
 * @param weightsEnabled {@code connection_throttle_weight_enabled}; off, every connection takes one token
 */
public record ThrottleSettings(int maxTokens, int fillTimeMs, int fillCount, int freezeTimeMs, double dropIncrease,
        double dropDecrease, double decreaseRatio, int globalWeight, int localWeight, int renewWeight,
        boolean weightsEnabled) {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleSettings.class);
    public static final String PREFIX = "connection_throttle_";

    /** Throttling off, as an Apache server without these keys. */
    public static final ThrottleSettings OFF = read(key -> null);

    /**
     * Apache's parsing and corrections (BlueThrottle's static initialiser): a weight that is not positive falls back
     * to its default, a global or renew weight under the local one is raised to it; each correction is one WARN.
     *
     * @param setting a key without the {@code zookeeper.} prefix to its value, or null when unset
     * @throws IllegalArgumentException naming the key, for a value that is not a number
     */
    public static ThrottleSettings read(Function<String, String> setting) {
        int tokens = integer(setting, "tokens", 0);
        int fillCount = integer(setting, "fill_count", 1);
        boolean weights = Boolean.parseBoolean(setting.apply(PREFIX + "weight_enabled"));
        int global = integer(setting, "global_session_weight", 3);
        int local = integer(setting, "local_session_weight", 1);
        int renew = integer(setting, "renew_session_weight", 2);
        int globalWeight = global <= 0 ? invalid("global", global, 3) : global < local ? raised("global", global, local)
                : global;
        int localWeight = local <= 0 ? invalid("local", local, 1) : local;
        int renewWeight = renew <= 0 ? invalid("renew", renew, 2) : renew < local ? raised("renew", renew, local)
                : renew;
        int fillTimeMs = integer(setting, "fill_time", 1);
        if (tokens != 0 && fillTimeMs <= 0) {
            // Apache would divide by it at every connection; refusing the start says why once.
            throw new IllegalArgumentException(PREFIX + "fill_time must be at least 1 ms, not " + fillTimeMs);
        }
        int scale = weights ? globalWeight : 1;
        return new ThrottleSettings(scale * tokens, fillTimeMs, scale * fillCount,
                integer(setting, "freeze_time", -1), decimal(setting, "drop_increase", 0.02),
                decimal(setting, "drop_decrease", 0.002), decimal(setting, "decrease_ratio", 0), globalWeight,
                localWeight, renewWeight, weights);
    }

    /** True when new connections are throttled at all. */
    public boolean enabled() {
        return maxTokens != 0;
    }

    /** The tokens a connect request takes: to start a session, or to resume {@code sessionId}. */
    public int tokensFor(long sessionId) {
        if (!weightsEnabled) {
            return 1;
        }
        return sessionId == 0 ? globalWeight : renewWeight;
    }

    private static int invalid(String kind, int weight, int fallback) {
        LOG.warn("Invalid {} session weight {}: it must be larger than 0; using {}", kind, weight, fallback);
        return fallback;
    }

    private static int raised(String kind, int weight, int local) {
        LOG.warn("The {} session weight {} is less than the local session weight {}; using the local session weight",
                kind, weight, local);
        return local;
    }

    private static int integer(Function<String, String> setting, String name, int defaultValue) {
        return parsed(setting, name, defaultValue, Integer::parseInt, "a whole number");
    }

    private static double decimal(Function<String, String> setting, String name, double defaultValue) {
        return parsed(setting, name, defaultValue, Double::parseDouble, "a number");
    }

    private static <T> T parsed(Function<String, String> setting, String name, T defaultValue,
            Function<String, T> parse, String expected) {
        String value = setting.apply(PREFIX + name);
        try {
            return value == null ? defaultValue : parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + " is not " + expected + ": " + value);
        }
    }
}
