package dev.menagerie.api.status;

import java.net.InetSocketAddress;

/**
 * One open client connection, as {@code cons} lists it. The session fields are meaningful only once a session
 * was established ({@link #hasSession()}).
 *
 * @param remoteAddress the client's address and port
 * @param outstandingRequests requests of this connection not answered yet
 * @param packetsReceived packets received since the last connection statistics reset
 * @param packetsSent packets sent since that reset
 * @param sessionId the session, 0 before one is established
 * @param sessionTimeoutMs the negotiated session timeout
 * @param establishedMs when the session was established, in epoch milliseconds
 * @param lastOperation the short name of the last answered operation ({@code GETD}, ...), {@code NA} before one
 * @param lastCxid the last client xid seen, negative before any request
 * @param lastZxid the zxid of the last answer
 * @param lastResponseMs when the last answer was sent, in epoch milliseconds (0 before one)
 * @param lastLatencyMs the latency of the last answered request
 * @param latency this connection's latencies since the last reset
 */
public record ConnectionStatus(InetSocketAddress remoteAddress, int outstandingRequests, long packetsReceived,
        long packetsSent, long sessionId, int sessionTimeoutMs, long establishedMs, String lastOperation,
        int lastCxid, long lastZxid, long lastResponseMs, long lastLatencyMs, Latency latency) {

    /** Whether a session was established on this connection. */
    public boolean hasSession() {
        return sessionId != 0;
    }
}
