package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.metrics.SummarySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The quorum peer's metrics in the registry, under Apache ZooKeeper 3.9's names, kinds and detail levels. Times are
 * in milliseconds of the peer's clock (the simulation's own in the simulation). Registered when the peer factory
 * starts, so that {@code mntr} lists them on every server, as Apache's does.
 */
public final class ZabMetrics {

    /** Elections this peer started (Apache's {@code looking_count}). */
    public final Counter lookingCount;
    /** From entering LOOKING to leading or following (observers are not counted, as in Apache). */
    public final Summary electionTimeMs;
    private final Summary followerSyncTimeMs;
    private final Summary observerSyncTimeMs;
    /** Learners the leader brought up to date with a snapshot. */
    final Counter snapCount;
    /** Learners the leader brought up to date without one (DIFF or TRUNC). */
    final Counter diffCount;
    final Counter proposalCount;
    final Counter commitCount;
    /** At the start of a learner's sync by snapshot, or without one, how many of that kind are in progress. */
    final Summary inflightSnapCount;
    final Summary inflightDiffCount;
    /** From the leader's proposal to its commit, once a quorum acknowledged it. */
    final Summary quorumAckLatencyMs;
    final Counter learnerProposalsReceived;
    final Counter learnerCommitsReceived;
    /**
     * On the leader, from a proposal to each acknowledgement of it that arrives before its commit, keyed by the
     * acknowledging server's id (the leader's own log included), as Apache's {@code ack_latency}.
     */
    final SummarySet ackLatencyMs;
    /** On the leader, per learner (keyed by its id): packets still queued for it as its sender takes one, and how long
     * that one waited. */
    private final SummarySet learnerQueuedPackets;
    private final SummarySet learnerQueuedPacketTimeMs;
    /** On a learner, from the leader stamping a proposal's transaction (wall clock) to its arrival. */
    final Summary proposalLatencyMs;
    /** Closing a quorum connection: a learner's to its leader, the leader's to a learner. */
    private final Summary socketClosingTimeMs;
    /** On a learner, from a proposal's arrival to its ACK (once logged), and to its COMMIT. */
    final Summary proposalAckCreationLatencyMs;
    final Summary commitPropagationLatencyMs;
    /** On the leader, learners' REVALIDATE requests for a reconnecting client's session. */
    final Counter revalidateCount;
    /** From entering LOOKING to serving again in any role, and for a leader. */
    private final Summary unavailableTimeMs;
    private final Summary leaderUnavailableTimeMs;
    /**
     * When the peer last stopped serving ({@link System#nanoTime()}), 0 while it serves. A factory runs one peer at a
     * time, so this is that peer's, as Apache keeps it in its QuorumPeer.
     */
    private final AtomicLong unavailableSinceNanos = new AtomicLong();

    public ZabMetrics(MetricsRegistry registry) {
        // Apache's names for quorum mechanisms Menagerie does not have, whose keys it warns about (the observer
        // master, observerMasterPort; leader.maxTimeToWaitForEpoch; the learner-request switches of Apache's
        // pipeline): listed, and empty, as Apache's are with those mechanisms off (docs/operations.md).
        registry.summary("om_proposal_process_time_ms", Detail.ADVANCED);
        registry.summary("om_commit_process_time_ms", Detail.ADVANCED);
        registry.counter("quit_leading_due_to_disloyal_voter");
        registry.counter("requests_not_forwarded_to_commit_processor");
        registry.counter("skip_learner_request_to_next_processor_count");
        lookingCount = registry.counter("looking_count");
        electionTimeMs = registry.summary("election_time", Detail.BASIC);
        followerSyncTimeMs = registry.summary("follower_sync_time", Detail.BASIC);
        observerSyncTimeMs = registry.summary("observer_sync_time", Detail.BASIC);
        snapCount = registry.counter("snap_count");
        diffCount = registry.counter("diff_count");
        inflightSnapCount = registry.summary("inflight_snap_count", Detail.BASIC);
        inflightDiffCount = registry.summary("inflight_diff_count", Detail.BASIC);
        proposalCount = registry.counter("proposal_count");
        commitCount = registry.counter("commit_count");
        quorumAckLatencyMs = registry.summary("quorum_ack_latency", Detail.ADVANCED);
        learnerProposalsReceived = registry.counter("learner_proposal_received_count");
        learnerCommitsReceived = registry.counter("learner_commit_received_count");
        proposalLatencyMs = registry.summary("proposal_latency", Detail.ADVANCED);
        revalidateCount = registry.counter("revalidate_count");
        ackLatencyMs = registry.summarySet("ack_latency", Detail.ADVANCED);
        learnerQueuedPackets = registry.summarySet("learner_handler_qp_size", Detail.BASIC);
        learnerQueuedPacketTimeMs = registry.summarySet("learner_handler_qp_time_ms", Detail.ADVANCED);
        proposalAckCreationLatencyMs = registry.summary("proposal_ack_creation_latency", Detail.ADVANCED);
        commitPropagationLatencyMs = registry.summary("commit_propagation_latency", Detail.ADVANCED);
        socketClosingTimeMs = registry.summary("socket_closing_time", Detail.BASIC);
        unavailableTimeMs = registry.summary("unavailable_time", Detail.BASIC);
        leaderUnavailableTimeMs = registry.summary("leader_unavailable_time", Detail.BASIC);
    }

    /** Closes a quorum connection, timing it as Apache does (a socket may linger on unsent data). */
    void closeTimed(PacketChannel channel) {
        long startNanos = System.nanoTime();
        channel.close();
        socketClosingTimeMs.record((System.nanoTime() - startNanos) / 1_000_000);
    }

    /** What the leader's sender to learner {@code sid} records, as Apache's LearnerHandler does for its queue. */
    PacketSender.QueueWatcher learnerQueue(long sid) {
        String key = Long.toString(sid);
        return (stillQueued, waitedMs) -> {
            learnerQueuedPackets.record(key, stillQueued);
            learnerQueuedPacketTimeMs.record(key, waitedMs);
        };
    }

    /** The peer entered LOOKING: it is unavailable from now, unless it already was. */
    public void lookingStarted() {
        unavailableSinceNanos.compareAndSet(0, System.nanoTime());
    }

    /** The peer serves clients again, as Apache's entering BROADCAST; a peer that never looked records nothing. */
    void servingStarted(boolean leading) {
        long sinceNanos = unavailableSinceNanos.getAndSet(0);
        if (sinceNanos == 0) {
            return;
        }
        long unavailableMs = (System.nanoTime() - sinceNanos) / 1_000_000;
        unavailableTimeMs.record(unavailableMs);
        if (leading) {
            leaderUnavailableTimeMs.record(unavailableMs);
        }
    }

    /** Where a learner's time from registering with the leader to serving goes: per role, as in Apache. */
    Summary syncTime(LearnerRole role) {
        return role == LearnerRole.OBSERVER ? observerSyncTimeMs : followerSyncTimeMs;
    }
}
