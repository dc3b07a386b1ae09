package dev.menagerie.jmx.impl;

/**
 * A follower's server bean, {@code Follower} under {@code replica.<N>}: the server bean's attributes and the
 * election time, with Apache ZooKeeper 3.9.5's names. Apache's other follower attributes are left out (see
 * docs/operations.md, "JMX").
 */
public interface FollowerMXBean extends ZooKeeperServerMXBean {

    /** How long the election that made this server a follower took, in milliseconds. */
    long getElectionTimeTaken();
}
