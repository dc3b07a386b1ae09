package dev.menagerie.jmx.impl;

/**
 * This server as a member of the ensemble, {@code replica.<N>} under the ensemble bean, with Apache ZooKeeper
 * 3.9.5's names. Left out, as Menagerie cannot report them honestly yet: {@code Tick} (the peer's tick counter)
 * and {@code MaxCnxns} (see docs/operations.md, "JMX").
 */
public interface LocalPeerMXBean extends RemotePeerMXBean {

    /** When the server started, as {@link java.util.Date#toString()} prints it. */
    String getStartTime();

    int getTickTime();

    int getMaxClientCnxnsPerHost();

    int getMinSessionTimeout();

    int getMaxSessionTimeout();

    int getInitLimit();

    /** Refused: the limit is read from zoo.cfg. */
    void setInitLimit(int initLimit);

    int getSyncLimit();

    /** Refused: the limit is read from zoo.cfg. */
    void setSyncLimit(int syncLimit);

    /** {@code leaderelection}, {@code leading}, {@code following} or {@code observing}, as Apache words it. */
    String getState();

    /** 3, fast leader election, the only algorithm Apache 3.9 has. */
    int getElectionType();

    /** The configuration's version, as the {@code version=} line of {@code conf} prints it. */
    long getConfigVersion();

    /** The membership as {@code conf} prints it after {@code membership:}. */
    String getQuorumSystemInfo();

    /** Whether this server is in the configuration's membership. */
    boolean isPartOfEnsemble();
}
