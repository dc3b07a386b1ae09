package dev.menagerie.jmx.impl;

/**
 * The leader's server bean, {@code Leader} under {@code replica.<N>}: the server bean's attributes and the proposal
 * sizes, with Apache ZooKeeper 3.9.5's names. Apache's other leader attributes are left out (see
 * docs/operations.md, "JMX").
 */
public interface LeaderMXBean extends ZooKeeperServerMXBean {

    /** How long the election that made this server the leader took, in milliseconds. */
    long getElectionTimeTaken();

    /** {@code 0x} and the hex of the highest zxid the leader has given a transaction. */
    String getCurrentZxid();

    /** Bytes of the last proposal broadcast, -1 before the first. */
    int getLastProposalSize();

    /** Bytes of the smallest proposal broadcast, -1 before the first. */
    int getMinProposalSize();

    /** Bytes of the largest proposal broadcast, -1 before the first. */
    int getMaxProposalSize();

    /** Refused: the leader keeps its proposal sizes for as long as it leads. */
    void resetProposalStatistics();
}
