package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.Counter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's {@code zookeeper.netty.server.outstandingHandshake.limit}: how many TLS handshakes may be in
 * progress at once on the ports that take TLS (the secure port, and a plain port that also takes TLS). A connection
 * beyond the limit is closed as it arrives and counted in {@code tls_handshake_exceeded}, so a reconnect storm of
 * TLS clients cannot take every worker thread with handshakes. A limit of 0 or less (the default, -1) turns it off,
 * and then nothing is counted, as in Apache.
 */
final class HandshakeLimit {

    static final String PROPERTY = "zookeeper.netty.server.outstandingHandshake.limit";
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeLimit.class);

    private final int limit;
    private final Counter exceeded;
    private final AtomicInteger outstanding = new AtomicInteger();

    HandshakeLimit(int limit, Counter exceeded) {
        this.limit = limit;
        this.exceeded = exceeded;
    }

    /** The limit the system property sets (the config bundle sets it from zoo.cfg too), -1 when absent. */
    static HandshakeLimit fromSystemProperty(Counter exceeded) {
        String value = System.getProperty(PROPERTY);
        int limit = -1;
        if (value != null) {
            try {
                limit = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                // Apache reads it with Integer.getInteger, which falls back to the default just as silently.
                LOG.warn("{}={} is not a number; TLS handshakes are not limited", PROPERTY, value);
            }
        }
        if (limit > 0) {
            LOG.info("At most {} TLS handshakes in progress at once ({})", limit, PROPERTY);
        }
        return new HandshakeLimit(limit, exceeded);
    }

    boolean enabled() {
        return limit > 0;
    }

    /**
     * Counts a handshake that starts; false (counted as exceeded) when the limit is reached, and the caller closes
     * the connection. Always true while the limit is off.
     */
    boolean tryStart() {
        if (!enabled()) {
            return true;
        }
        if (outstanding.incrementAndGet() > limit) {
            outstanding.decrementAndGet();
            exceeded.increment();
            return false;
        }
        return true;
    }

    /** A handshake {@link #tryStart} admitted has finished, failed, or its connection closed or turned out plain. */
    void finished() {
        outstanding.decrementAndGet();
    }

    int outstanding() {
        return outstanding.get();
    }
}
