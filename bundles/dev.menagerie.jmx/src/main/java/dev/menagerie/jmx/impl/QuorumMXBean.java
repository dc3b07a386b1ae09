package dev.menagerie.jmx.impl;

/**
 * The ensemble bean, {@code ReplicatedServer_id<N>}, with Apache ZooKeeper 3.9.5's names. Left out, as Menagerie
 * cannot report them honestly yet: {@code SslQuorum}, {@code PortUnification}, {@code ObserverElectionDelayMS},
 * {@code DigestEnabled} and {@code disableDigest} (see docs/operations.md, "JMX").
 */
public interface QuorumMXBean {

    /** {@code ReplicatedServer_id<N>}. */
    String getName();

    /** The voting members (participants) of the configuration. */
    int getQuorumSize();

    /** zoo.cfg's {@code initLimit}, in ticks. */
    int getInitLimit();

    /** Refused: the limit is read from zoo.cfg. */
    void setInitLimit(int initLimit);

    /** zoo.cfg's {@code syncLimit}, in ticks. */
    int getSyncLimit();

    /** Refused: the limit is read from zoo.cfg. */
    void setSyncLimit(int syncLimit);
}
