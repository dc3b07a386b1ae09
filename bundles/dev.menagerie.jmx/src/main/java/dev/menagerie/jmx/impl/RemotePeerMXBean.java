package dev.menagerie.jmx.impl;

/** Another member of the ensemble, {@code replica.<M>} under the ensemble bean, with Apache ZooKeeper 3.9.5's names. */
public interface RemotePeerMXBean {

    /** {@code replica.<M>}. */
    String getName();

    /** {@code host:port} where followers reach this member when it leads. */
    String getQuorumAddress();

    /** {@code host:port} of its leader election. */
    String getElectionAddress();

    /** {@code host:port} of its client port, empty when the configuration names none. */
    String getClientAddress();

    /** {@code PARTICIPANT} or {@code OBSERVER}. */
    String getLearnerType();

    /** Whether it is the leader this server follows or is. */
    boolean isLeader();
}
