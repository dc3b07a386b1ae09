package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.storage.StorageFailedException;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.failstop.FailStop;
import dev.menagerie.server.impl.op.PendingChanges;
import dev.menagerie.server.impl.stats.StageMetrics;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: one thread takes requests in the order prep saw them, waits until each transaction is durable
 * (in a quorum: held by a quorum of logs), applies it to the tree, fires the watches it triggers and then
 * replies, so a client sees a watch event before any reply that reflects the change, and every session's replies
 * come in request order.
 */
public final class CommitStage {

    private static final Logger LOG = LoggerFactory.getLogger(CommitStage.class);
    private final RequestQueue queue;
    private final Admission admission;
    private final CommitEffects applier;
    private final PendingChanges pending;
    private final Replies replies;
    private final Consumer<TxnHeader> afterTxn;
    private final boolean quorum;
    private final FailStop failStop;
    private final StageMetrics metrics;
    /** Set once a proposal failed: every later one was prepared on top of it and must not be applied either. */
    private boolean replicationLost;
    private volatile boolean aborted;
    /** Reads and writes handed off and not yet taken; writes committed and not yet applied (for the metrics). */
    private final AtomicInteger readsQueued = new AtomicInteger();
    private final AtomicInteger writesQueued = new AtomicInteger();
    private final AtomicInteger commitsQueued = new AtomicInteger();
    /** The zxid of the last transaction this stage took, for the assertion that zxids only grow. */
    private long lastTakenZxid;

    /**
     * @param lastZxid the zxid the pipeline starts after; transactions come in one by one from there
     * @param quorum   whether a write that failed to commit may still be committed by another leader
     */
    CommitStage(CommitEffects applier, PendingChanges pending, Replies replies, StageContext context, long lastZxid,
            boolean quorum) {
        this.queue = new RequestQueue(this::handle, context.settings().queueCapacity());
        this.admission = context.admission();
        this.afterTxn = context.afterTxn();
        this.lastTakenZxid = lastZxid;
        this.applier = applier;
        this.pending = pending;
        this.replies = replies;
        this.quorum = quorum;
        this.failStop = context.failStop();
        this.metrics = context.metrics().stages;
    }

    /**
     * Prep's hand-off, in zxid order: waits while the inbox is full (this stage never waits for prep, so the wait
     * ends); a request handed over after an abort is dropped with the rest.
     */
    void handOff(Request request) {
        if (request.isWrite()) {
            writesQueued.incrementAndGet();
            if (request.header() != null) {
                request.onCommitted(commitsQueued::incrementAndGet);
            }
        } else {
            readsQueued.incrementAndGet();
        }
        try {
            queue.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int queued() {
        return queue.size();
    }

    /** The stage's thread body. */
    RequestQueue queue() {
        return queue;
    }

    void stop() {
        queue.stop();
    }

    /** Drops what is queued; the thread's owner interrupts a wait for a quorum. */
    void abort() {
        aborted = true;
        queue.abort();
    }

    private void handle(Request request) {
        long takenNanos = System.nanoTime();
        metrics.commitStageReadsQueued.record(readsQueued.get());
        metrics.commitStageWritesQueued.record(writesQueued.get());
        metrics.commitStageCommitsQueued.record(commitsQueued.get());
        (request.isWrite() ? writesQueued : readsQueued).decrementAndGet();
        if (request.client() != null) {
            // Before any reply, so that a connection the reply resumes sees the room it made.
            admission.release(request);
        }
        try {
            commit(request);
        } catch (RuntimeException e) {
            LOG.error("Failed to complete {}", request, e);
            replies.reply(request, ErrorCode.SYSTEMERROR.code(), null);
        }
        metrics.commitProcessTimeMs.record(StageMetrics.msSince(takenNanos));
    }

    private void commit(Request request) {
        if (aborted) {
            return;
        }
        if (request.prepError() != 0) {
            replies.reply(request, request.prepError(), null);
            return;
        }
        TxnHeader header = request.header();
        if (header == null) {
            if (request.type() != OpCode.SYNC || waitDurable(request)) {
                metrics.readCommitProcTimeMs.record(StageMetrics.msSince(request.handedToCommitNanos()));
                long finalNanos = System.nanoTime();
                replies.read(request);
                metrics.readFinalProcTimeMs.record(StageMetrics.msSince(finalNanos));
                metrics.commitStageReadsIssued.record(1);
            }
            return;
        }
        assert header.zxid() > lastTakenZxid : "commit stage got zxid 0x" + Long.toHexString(header.zxid())
                + " after 0x" + Long.toHexString(lastTakenZxid);
        lastTakenZxid = header.zxid();
        if (replicationLost || !waitDurable(request)) {
            if (!quorum) {
                pending.applied(header.zxid());
                replies.reply(request, ErrorCode.SYSTEMERROR.code(), null);
            }
            // A leader keeps the records of a proposal it logged but could not commit: the writes it prepares
            // next are logged on top of it, and a later fast-forward applies them in that order, so their digests
            // must include it. The role ends soon; its pipeline and pending changes go with it.
            return;
        }
        commitsQueued.decrementAndGet();
        metrics.commitsQueued.increment();
        long finalNanos = System.nanoTime();
        metrics.writeCommitProcTimeMs.record((finalNanos - request.handedToCommitNanos()) / 1_000_000);
        metrics.localWriteCommittedTimeMs.record((finalNanos - request.committedNanos()) / 1_000_000);
        metrics.applying(header.time());
        ProcessTxnResult result;
        try {
            result = applier.apply(header, request.txn(), request.expectedDigest());
        } catch (RuntimeException e) {
            // The tree now differs from the log and from the other servers: nothing more may be applied.
            aborted = true;
            failStop.stop(CommitEffects.failedToApply(header), e);
            return;
        }
        pending.applied(header.zxid());
        // The reply goes first: closing a session's connection afterwards must not drop its closeSession reply.
        replies.answerWrite(request, header, result);
        afterTxn.accept(header);
        long writeMs = StageMetrics.msSince(finalNanos);
        metrics.writeFinalProcTimeMs.record(writeMs);
        metrics.commitStageWriteBatchTimeMs.record(writeMs);
        metrics.commitStageWritesIssued.record(1);
    }

    long digestMismatches() {
        return applier.digestMismatches();
    }

    private boolean waitDurable(Request request) {
        try {
            await(request.durable());
            return true;
        } catch (InterruptedException e) {
            // Aborted: the request is dropped, and the interrupt ends the stage's thread.
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            StorageFailedException storageFailed = storageFailure(e.getCause());
            if (storageFailed != null) {
                aborted = true;
                failStop.stop("the transaction log cannot be written", storageFailed);
                return false;
            }
            if (quorum) {
                // The write may still commit under the next leader: the client must not hear that it failed.
                replicationLost = replicationLost || request.header() != null;
                LOG.warn("{} was not acknowledged by a quorum ({}); dropping it and its connection", request,
                        e.getCause().toString());
                if (request.client() != null) {
                    request.client().closeAfterReplies();
                }
            } else {
                LOG.error("Transaction 0x{} could not be written to the log, so {} fails: {}",
                        Long.toHexString(request.header().zxid()), request, e.getCause().toString());
            }
            return false;
        }
    }

    private static StorageFailedException storageFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageFailedException fatal) {
                return fatal;
            }
        }
        return null;
    }

    /** Blocks until the proposer's stage completes; the stage need not support {@code toCompletableFuture}. */
    private static void await(CompletionStage<Void> stage) throws InterruptedException, ExecutionException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stage.whenComplete((ignored, error) -> {
            failure.set(error);
            done.countDown();
        });
        done.await();
        Throwable error = failure.get();
        if (error != null) {
            throw new ExecutionException(error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
        }
    }
}
