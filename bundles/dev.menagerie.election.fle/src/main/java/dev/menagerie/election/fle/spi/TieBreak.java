package dev.menagerie.election.fle.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which of two equally up-to-date candidates a voter prefers. FastLeaderElection orders candidates by peer epoch,
 * then last zxid; only when both are equal does a tie-break speak, and where it answers 0 the higher server id
 * wins, as in Apache ZooKeeper. So a tie-break can move leadership among servers with the same history, never to a
 * server that lacks a transaction another candidate has.
 *
 * <p>Every voter of an ensemble must break ties the same way: two voters that order one pair of candidates
 * differently can each stand by its own favourite, and when neither side is a quorum the election does not end.
 */
@ConsumerType
@FunctionalInterface
public interface TieBreak {

    /** No preference: the server id alone decides, which is Apache ZooKeeper's order. */
    TieBreak SERVER_ID = (candidate, other) -> 0;

    /**
     * Positive when {@code candidate} should lead rather than {@code other}, negative for the reverse, 0 to leave it
     * to the server ids. Must be a pure function of the two ids (the same answer on every call and every voter) and
     * antisymmetric.
     */
    int compare(long candidate, long other);
}
