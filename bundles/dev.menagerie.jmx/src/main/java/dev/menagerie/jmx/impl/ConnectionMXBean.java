package dev.menagerie.jmx.impl;

/**
 * One client connection with a session, {@code Connections/<client ip>/<session id>} under the server bean, with
 * Apache ZooKeeper 3.9.5's names.
 */
public interface ConnectionMXBean {

    /** {@code <ip>:<port>} of the client. */
    String getSourceIP();

    /** {@code 0x} and lower-case hex. */
    String getSessionId();

    /** When the session was established, in {@link java.util.Date#toString()} format. */
    String getStartedTime();

    /** The session's ephemeral nodes, sorted. */
    String[] getEphemeralNodes();

    long getPacketsReceived();

    long getPacketsSent();

    long getOutstandingRequests();

    int getSessionTimeout();

    long getMinLatency();

    long getAvgLatency();

    long getMaxLatency();

    String getLastOperation();

    String getLastCxid();

    String getLastZxid();

    String getLastResponseTime();

    long getLastLatency();

    /** Refused: the status service offers no way to close a session. */
    void terminateSession();

    /** Refused: the status service offers no way to close a connection. */
    void terminateConnection();

    /** Refused: Menagerie zeroes the counters of every connection at once (Apache's {@code crst}), not of one. */
    void resetCounters();
}
