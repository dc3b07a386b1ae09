package dev.menagerie.server.impl.throttle;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's BlueThrottle for new connections: a token bucket refilled {@code fillCount} tokens every
 * {@code fillTimeMs}, and, when {@code freezeTimeMs} is not -1, the BLUE queue discipline on top of it: while the
 * bucket runs dry the probability of dropping a connection at random rises by {@code dropIncrease} at most once per
 * freeze period, and it falls by {@code dropDecrease} while the bucket is used below {@code decreaseRatio}.
 * Deterministic: the clock and the random source are given. Thread-safe (one lock; the work is a few arithmetic steps).
 */
public final class ConnectionThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionThrottle.class);

    private final ThrottleSettings settings;
    private final LongSupplier clockMs;
    private final DoubleSupplier random;
    private int tokens;
    private long lastFillMs;
    private long lastFreezeMs;
    private double dropProbability;

    /**
     * @param clockMs a monotonic clock in milliseconds
     * @param random  uniform in [0, 1)
     */
    public ConnectionThrottle(ThrottleSettings settings, LongSupplier clockMs, DoubleSupplier random) {
        this.settings = settings;
        this.clockMs = clockMs;
        this.random = random;
        this.tokens = settings.maxTokens();
        long now = clockMs.getAsLong();
        this.lastFillMs = now;
        this.lastFreezeMs = now;
        if (settings.enabled()) {
            LOG.info("New connections are throttled: {} tokens, {} more every {} ms; {}", settings.maxTokens(),
                    settings.fillCount(), settings.fillTimeMs(), settings.freezeTimeMs() == -1 ? "no random drops"
                            : "random drops adjusted every " + settings.freezeTimeMs() + " ms");
        }
    }

    public ThrottleSettings settings() {
        return settings;
    }

    /** Takes {@code need} tokens if there are that many and the random drop spares this connection. */
    public synchronized boolean tryAcquire(int need) {
        if (!settings.enabled()) {
            return true;
        }
        long now = clockMs.getAsLong();
        refill(now);
        if (settings.freezeTimeMs() != -1 && dropsAtRandom(now)) {
            return false;
        }
        if (tokens < need) {
            return false;
        }
        tokens -= need;
        return true;
    }

    /** Tokens missing from a full bucket: Apache's connection_token_deficit, recorded at each admitted connection. */
    public synchronized int deficit() {
        return settings.maxTokens() - tokens;
    }

    /** Apache's connection_drop_probability. */
    public synchronized double dropProbability() {
        return dropProbability;
    }

    private void refill(long now) {
        long elapsed = now - lastFillMs;
        if (elapsed <= settings.fillTimeMs()) {
            return;
        }
        long refill = elapsed * settings.fillCount() / settings.fillTimeMs();
        long filled = Math.min(tokens + refill, settings.maxTokens());
        if (filled < 0) {
            LOG.error("connection_throttle_fill_time ({}) and connection_throttle_fill_count ({}) overflow after"
                    + " {} ms; refilling the whole bucket", settings.fillTimeMs(), settings.fillCount(), elapsed);
            filled = settings.maxTokens();
        }
        tokens = (int) filled;
        lastFillMs = now;
    }

    private boolean dropsAtRandom(long now) {
        int inUse = settings.maxTokens() - tokens;
        if (now - lastFreezeMs > settings.freezeTimeMs()) {
            if (inUse == settings.maxTokens() && dropProbability < 1) {
                dropProbability = Math.min(dropProbability + settings.dropIncrease(), 1);
            } else if (inUse <= Math.round(settings.maxTokens() * settings.decreaseRatio()) && dropProbability > 0) {
                dropProbability = Math.max(dropProbability - settings.dropDecrease(), 0);
            }
            lastFreezeMs = now;
        }
        return random.getAsDouble() < dropProbability;
    }
}
