package dev.menagerie.jmx.impl;

/**
 * The server bean, named {@code StandaloneServer_port<N>} on a standalone server and {@code Leader},
 * {@code Follower} or {@code Observer} under {@code ReplicatedServer_id<N>/replica.<N>} on a quorum member. Its attribute and operation names
 * are those of Apache ZooKeeper 3.9.5's bean of the same name, so jconsole layouts and JMX exporter rules written
 * for Apache keep working. Apache's tuning attributes that Menagerie has no equivalent of are left out (see
 * docs/operations.md, "JMX"), rather than reported with made-up values.
 */
public interface ZooKeeperServerMXBean {

    /** The client port, as a string as in Apache. */
    String getClientPort();

    /** {@code <apache version>-<revision>, built on <date>}. */
    String getVersion();

    /** When the server started, in {@link java.util.Date#toString()} format. */
    String getStartTime();

    long getMinRequestLatency();

    double getAvgRequestLatency();

    long getMaxRequestLatency();

    long getPacketsReceived();

    long getPacketsSent();

    long getAuthFailedCount();

    long getOutstandingRequests();

    long getNumAliveConnections();

    long getDataDirSize();

    long getLogDirSize();

    int getTickTime();

    /** Refused: the tick time is read from zoo.cfg at start. */
    void setTickTime(int tickTime);

    int getMaxClientCnxnsPerHost();

    /** Refused: read from zoo.cfg at start. */
    void setMaxClientCnxnsPerHost(int max);

    int getMinSessionTimeout();

    /** Refused: read from zoo.cfg at start. */
    void setMinSessionTimeout(int min);

    int getMaxSessionTimeout();

    /** Refused: read from zoo.cfg at start. */
    void setMaxSessionTimeout(int max);

    /** Zeroes the latencies, packet counts and authentication failures, as Apache's {@code srst}. */
    void resetStatistics();

    /** Refused: Menagerie zeroes latencies only together with the other counters ({@link #resetStatistics}). */
    void resetLatency();

    /** Refused, as {@link #resetLatency}. */
    void resetMaxLatency();

    /** Refused, as {@link #resetLatency}. */
    void resetAuthFailedCount();
}
