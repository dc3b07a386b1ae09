package dev.menagerie.server.impl.session;

/**
 * The session timeout bounds a server negotiates within, with Apache ZooKeeper's defaults (2 and 20 ticks).
 *
 * @param minSessionTimeoutMs the least timeout a client gets
 * @param maxSessionTimeoutMs the most timeout a client gets
 */
public record SessionTimeouts(int minSessionTimeoutMs, int maxSessionTimeoutMs) {
    /** In {@code zoo.cfg}, a bound that is not set. */
    public static final int UNSET = -1;

    /** Bounds from configuration; an {@link #UNSET} bound defaults to 2 (min) or 20 (max) ticks, as Apache's. */
    public static SessionTimeouts of(int tickTimeMs, int minSessionTimeoutMs, int maxSessionTimeoutMs) {
        int min = minSessionTimeoutMs == UNSET ? tickTimeMs * 2 : minSessionTimeoutMs;
        int max = maxSessionTimeoutMs == UNSET ? tickTimeMs * 20 : maxSessionTimeoutMs;
        return new SessionTimeouts(min, max);
    }

    /**
     * The timeout a client gets for {@code requestedMs}, as Apache's {@code processConnectRequest}: raised to the
     * minimum, then lowered to the maximum. If the bounds cross (min &gt; max), the maximum wins, as in Apache.
     */
    public int negotiate(int requestedMs) {
        int timeoutMs = requestedMs;
        if (timeoutMs < minSessionTimeoutMs) {
            timeoutMs = minSessionTimeoutMs;
        }
        if (timeoutMs > maxSessionTimeoutMs) {
            timeoutMs = maxSessionTimeoutMs;
        }
        return timeoutMs;
    }
}
