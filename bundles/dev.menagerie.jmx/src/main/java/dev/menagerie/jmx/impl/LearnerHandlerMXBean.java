package dev.menagerie.jmx.impl;

/**
 * One learner connected to the leader, {@code Learner_Connections/"<ip>:<port>"/"id:<sid>"} under the leader's
 * server bean, as Apache ZooKeeper 3.9.5 names it; like Apache's, it has no attributes.
 */
public interface LearnerHandlerMXBean {

    /** Drops the learner's connection; the learner reconnects to the leader and syncs again. */
    void terminateConnection();
}
