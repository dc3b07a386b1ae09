package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

/**
 * Where a request's time goes inside the pipeline, under the names Apache ZooKeeper 3.9 gives the matching points of
 * its processors: its PrepRequestProcessor is our prep stage, its CommitProcessor and FinalRequestProcessor our
 * commit stage (the wait for a durable transaction, then applying and answering). Times are milliseconds.
 */
public final class StageMetrics {

    /** Requests accepted into the prep stage's inbox. */
    public final Counter prepQueued;
    /** Requests waiting in prep's inbox when the stage takes the next one, and how long that one waited. */
    public final Summary prepQueueSize;
    public final Summary prepQueueTimeMs;
    /** Preparing one request: checks, ACLs, building the transaction. */
    public final Summary prepProcessTimeMs;
    /** Of that, for closeSession (finding the session's ephemerals). */
    public final Summary closeSessionPrepTimeMs;
    /** Handing a prepared request on: appending it to the log and proposing it, then queueing it for commit. */
    public final Summary proposalProcessTimeMs;
    /** Change records prep added for unapplied transactions, and those dropped as still the newest of their path. */
    public final Counter outstandingChangesQueued;
    public final Counter outstandingChangesRemoved;
    /** Writes whose commit the commit stage received (durable locally, or acknowledged by a quorum). */
    public final Counter commitsQueued;
    /** From the hand-off to the commit stage to the stage taking the request, for reads and for local writes. */
    public final Summary readCommitProcTimeMs;
    public final Summary writeCommitProcTimeMs;
    /** From a write's commit to the stage applying it: a client's write here, a write from another server there. */
    public final Summary localWriteCommittedTimeMs;
    public final Summary serverWriteCommittedTimeMs;
    /** Applying a request to the tree (writes), firing watches and replying. */
    public final Summary readFinalProcTimeMs;
    public final Summary writeFinalProcTimeMs;
    /** On a learner, client requests queued (the one taken included) when the stage takes the next one. */
    public final Summary learnerQueueSize;
    /**
     * When the commit stage takes a request: the reads and the writes in its inbox (the one taken included), and the
     * writes among them already committed (durable, or acknowledged by a quorum) that wait to be applied.
     */
    public final Summary commitStageReadsQueued;
    public final Summary commitStageWritesQueued;
    public final Summary commitStageCommitsQueued;
    /**
     * Requests the commit stage answered or applied per turn: always one, a read (where Apache hands a batch to its
     * worker pool) or a committed write (as Apache with its default batch of one commit).
     */
    public final Summary commitStageReadsIssued;
    public final Summary commitStageWritesIssued;
    /**
     * On a learner, whose stage keeps a queue per session as Apache's CommitProcessor does: a session's queue length
     * when a request joins it or its write's commit arrives; the sessions with a queue when a local write's commit
     * arrives; the reads a commit released from its session's queue; per commit, the queues it drained (0 or 1) and
     * the reads that released.
     */
    public final Summary requestsInSessionQueue;
    public final Summary pendingSessionQueueSize;
    public final Summary readsAfterWriteInSessionQueue;
    public final Summary sessionQueuesDrained;
    public final Summary readsIssuedFromSessionQueue;
    /** Applying one committed write and answering it: Apache's batch of one commit. */
    public final Summary commitStageWriteBatchTimeMs;
    /** The commit stage's whole turn for one request. */
    public final Summary commitProcessTimeMs;
    /** From the leader stamping a transaction (wall clock, so across servers) to its being applied here. */
    private final Summary propagationLatencyMs;

    StageMetrics(MetricsRegistry registry) {
        prepQueued = registry.counter("prep_processor_request_queued");
        prepQueueSize = registry.summary("prep_processor_queue_size", Detail.BASIC);
        prepQueueTimeMs = registry.summary("prep_processor_queue_time_ms", Detail.ADVANCED);
        prepProcessTimeMs = registry.summary("prep_process_time", Detail.BASIC);
        closeSessionPrepTimeMs = registry.summary("close_session_prep_time", Detail.ADVANCED);
        proposalProcessTimeMs = registry.summary("proposal_process_time", Detail.BASIC);
        outstandingChangesQueued = registry.counter("outstanding_changes_queued");
        outstandingChangesRemoved = registry.counter("outstanding_changes_removed");
        commitsQueued = registry.counter("request_commit_queued");
        readCommitProcTimeMs = registry.summary("read_commitproc_time_ms", Detail.ADVANCED);
        writeCommitProcTimeMs = registry.summary("write_commitproc_time_ms", Detail.ADVANCED);
        localWriteCommittedTimeMs = registry.summary("local_write_committed_time_ms", Detail.ADVANCED);
        serverWriteCommittedTimeMs = registry.summary("server_write_committed_time_ms", Detail.ADVANCED);
        readFinalProcTimeMs = registry.summary("read_final_proc_time_ms", Detail.ADVANCED);
        writeFinalProcTimeMs = registry.summary("write_final_proc_time_ms", Detail.ADVANCED);
        commitProcessTimeMs = registry.summary("commit_process_time", Detail.BASIC);
        commitStageReadsQueued = registry.summary("read_commit_proc_req_queued", Detail.BASIC);
        commitStageWritesQueued = registry.summary("write_commit_proc_req_queued", Detail.BASIC);
        commitStageCommitsQueued = registry.summary("commit_commit_proc_req_queued", Detail.BASIC);
        commitStageReadsIssued = registry.summary("read_commit_proc_issued", Detail.BASIC);
        commitStageWritesIssued = registry.summary("write_commit_proc_issued", Detail.BASIC);
        commitStageWriteBatchTimeMs = registry.summary("write_batch_time_in_commit_processor", Detail.BASIC);
        requestsInSessionQueue = registry.summary("requests_in_session_queue", Detail.BASIC);
        pendingSessionQueueSize = registry.summary("pending_session_queue_size", Detail.BASIC);
        readsAfterWriteInSessionQueue = registry.summary("reads_after_write_in_session_queue", Detail.BASIC);
        sessionQueuesDrained = registry.summary("session_queues_drained", Detail.BASIC);
        readsIssuedFromSessionQueue = registry.summary("reads_issued_from_session_queue", Detail.BASIC);
        learnerQueueSize = registry.summary("learner_request_processor_queue_size", Detail.BASIC);
        propagationLatencyMs = registry.summary("propagation_latency", Detail.ADVANCED);
    }

    /**
     * A transaction stamped {@code txnTimeMs} by the leader is being applied. As Apache, a negative difference (the
     * clocks of two servers disagree) is not recorded.
     */
    public void applying(long txnTimeMs) {
        long latencyMs = System.currentTimeMillis() - txnTimeMs;
        if (latencyMs >= 0) {
            propagationLatencyMs.record(latencyMs);
        }
    }

    /** Milliseconds from {@code sinceNanos} (a {@link System#nanoTime()} reading) to now. */
    public static long msSince(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
