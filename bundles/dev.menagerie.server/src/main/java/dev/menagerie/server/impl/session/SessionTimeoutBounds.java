package dev.menagerie.server.impl.session;

/**
 * The session timeout bounds a server negotiates within: zoo.cfg's {@code minSessionTimeout} and
 * {@code maxSessionTimeout} as the config bundle resolved them (its defaults are 2 and 20 ticks).
 *
 * @param minSessionTimeoutMs the least timeout a client gets
 * @param maxSessionTimeoutMs the most timeout a client gets
 */
public record SessionTimeoutBounds(int minSessionTimeoutMs, int maxSessionTimeoutMs) {

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
