package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

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
    /** From the leader's proposal to its commit, once a quorum acknowledged it. */
    final Summary quorumAckLatencyMs;
    final Counter learnerProposalsReceived;
    final Counter learnerCommitsReceived;
    /** On a learner, from the leader stamping a proposal's transaction (wall clock) to its arrival. */
    final Summary proposalLatencyMs;
    /** On the leader, learners' REVALIDATE requests for a reconnecting client's session. */
    final Counter revalidateCount;

    public ZabMetrics(MetricsRegistry registry) {
        lookingCount = registry.counter("looking_count");
        electionTimeMs = registry.summary("election_time", Detail.BASIC);
        followerSyncTimeMs = registry.summary("follower_sync_time", Detail.BASIC);
        observerSyncTimeMs = registry.summary("observer_sync_time", Detail.BASIC);
        snapCount = registry.counter("snap_count");
        diffCount = registry.counter("diff_count");
        proposalCount = registry.counter("proposal_count");
        commitCount = registry.counter("commit_count");
        quorumAckLatencyMs = registry.summary("quorum_ack_latency", Detail.ADVANCED);
        learnerProposalsReceived = registry.counter("learner_proposal_received_count");
        learnerCommitsReceived = registry.counter("learner_commit_received_count");
        proposalLatencyMs = registry.summary("proposal_latency", Detail.ADVANCED);
        revalidateCount = registry.counter("revalidate_count");
    }

    /** Where a learner's time from registering with the leader to serving goes: per role, as in Apache. */
    Summary syncTime(LearnerRole role) {
        return role == LearnerRole.OBSERVER ? observerSyncTimeMs : followerSyncTimeMs;
    }
}
