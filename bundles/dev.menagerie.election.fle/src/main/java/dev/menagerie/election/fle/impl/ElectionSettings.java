package dev.menagerie.election.fle.impl;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Objects;

/**
 * What a {@link FastLeaderElectionCore} needs to know about its peer and its timing.
 *
 * @param myId this peer's server id
 * @param participant false for an observer: it proposes nobody and takes the OBSERVING role
 * @param verifier the quorum the votes are counted against; its voting members are the peers we notify
 * @param config the configuration text notifications carry (3.9 sends its QuorumVerifier's text)
 * @param finalizeWaitMs how long a quorum for our proposal must stand with no better vote arriving
 * @param minNotificationIntervalMs how long a round waits for a notification before re-sending its vote
 * @param maxNotificationIntervalMs the cap of that wait as it doubles
 */
public record ElectionSettings(long myId, boolean participant, QuorumVerifier verifier, String config,
        long finalizeWaitMs, long minNotificationIntervalMs, long maxNotificationIntervalMs) {

    /** Apache's {@code FastLeaderElection.finalizeWait}. */
    public static final long FINALIZE_WAIT_MS = 200;
    /** Apache's default {@code zookeeper.fastleader.minNotificationInterval}: finalizeWait. */
    public static final long MIN_NOTIFICATION_INTERVAL_MS = FINALIZE_WAIT_MS;
    /** Apache's default {@code zookeeper.fastleader.maxNotificationInterval}: 60 s. */
    public static final long MAX_NOTIFICATION_INTERVAL_MS = 60_000;

    public ElectionSettings {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(config, "config");
        if (finalizeWaitMs <= 0 || minNotificationIntervalMs <= 0
                || maxNotificationIntervalMs < minNotificationIntervalMs) {
            throw new IllegalArgumentException("election timing must be positive, with max >= min interval");
        }
    }

    /** Settings with Apache's default timing. */
    public static ElectionSettings withDefaultTiming(long myId, boolean participant, QuorumVerifier verifier,
            String config) {
        return new ElectionSettings(myId, participant, verifier, config, FINALIZE_WAIT_MS,
                MIN_NOTIFICATION_INTERVAL_MS, MAX_NOTIFICATION_INTERVAL_MS);
    }

    boolean isVoter(long sid) {
        return verifier.votingMembers().contains(sid);
    }
}
