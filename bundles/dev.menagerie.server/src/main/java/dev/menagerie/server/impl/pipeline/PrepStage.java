package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.op.CloseSession;
import dev.menagerie.server.impl.op.KeeperFailure;
import dev.menagerie.server.impl.op.PendingChanges;
import dev.menagerie.server.impl.op.Ping;
import dev.menagerie.server.impl.op.Preparation;
import dev.menagerie.server.impl.op.Sync;
import dev.menagerie.server.impl.op.TxnStamp;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.StageMetrics;
import dev.menagerie.server.impl.stats.StaleRequests;
import dev.menagerie.server.impl.tree.DataTree;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: one thread gives each write its zxid and transaction (or an error transaction, which also
 * consumes a zxid, as in Apache), appends it to the log without waiting for the disk, and passes every request
 * on in arrival order. Group commit in the storage lets many appends share one fsync.
 */
public final class PrepStage {

    private static final Logger LOG = LoggerFactory.getLogger(PrepStage.class);
    private final RequestQueue queue;
    private final Preparation preparation;
    private final PendingChanges pending;
    private final SessionTracker sessions;
    private final Storage storage;
    private final Consumer<Request> next;
    private final LongSupplier wallClockMs;
    private final JuteWriter writer = new JuteWriter(4096);
    private final Proposer proposer;
    private final StageMetrics metrics;
    private final StaleRequests staleRequests;
    /** Written by the prep thread only; volatile so that the status can read it ({@link #lastZxid}). */
    private volatile long lastZxid;
    private final RequestHold hold = new RequestHold(() -> lastZxid);

    PrepStage(Preparation preparation, PendingChanges pending, SessionTracker sessions, Storage storage,
            Consumer<Request> next, LongSupplier wallClockMs, long lastZxid, Proposer proposer, int queueCapacity,
            StageMetrics metrics, StaleRequests staleRequests) {
        this.queue = new RequestQueue(this::handle, queueCapacity);
        this.metrics = metrics;
        this.staleRequests = staleRequests;
        this.proposer = proposer;
        this.preparation = preparation;
        this.pending = pending;
        this.sessions = sessions;
        this.storage = storage;
        this.next = next;
        this.wallClockMs = wallClockMs;
        this.lastZxid = lastZxid;
    }

    /** False when the inbox is full: nothing is queued, and the caller answers for the request. */
    boolean submit(Request request) {
        if (!queue.offer(request)) {
            return false;
        }
        metrics.prepQueued.increment();
        return true;
    }

    public int queued() {
        return queue.size();
    }

    /** The stage's thread body. */
    RequestQueue queue() {
        return queue;
    }

    void stop() {
        queue.stop();
    }

    void abort() {
        hold.abort();
        queue.abort();
    }

    /** See {@link RequestHold#hold}. */
    CompletionStage<Long> hold() {
        return hold.hold();
    }

    void release() {
        hold.release();
    }

    private void handle(Request request) {
        try {
            if (!hold.enter()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            prepareAndPass(request);
        } finally {
            hold.exit();
        }
    }

    private void prepareAndPass(Request request) {
        long startNanos = System.nanoTime();
        metrics.prepQueueTimeMs.record((startNanos - request.receivedNanos()) / 1_000_000);
        metrics.prepQueueSize.record(queue.size());
        if (request.isWrite() && request.isStale()) {
            // Where Apache's throttler counts it; a stale read is dropped when it is answered.
            staleRequests.processed.increment();
        }
        LogEntry entry = null;
        try {
            entry = prepare(request);
        } catch (RuntimeException e) {
            LOG.error("Failed to prepare {}", request, e);
            request.setPrepError(ErrorCode.SYSTEMERROR.code());
        }
        long preparedNanos = System.nanoTime();
        long prepMs = (preparedNanos - startNanos) / 1_000_000;
        metrics.prepProcessTimeMs.record(prepMs);
        if (request.operation() instanceof CloseSession) {
            metrics.closeSessionPrepTimeMs.record(prepMs);
        }
        if (entry != null) {
            request.setDurable(log(entry));
        } else if (request.operation() instanceof Sync && request.prepError() == 0) {
            // Answered once every write proposed before it is committed (at once when standalone).
            request.setDurable(sync());
        }
        request.handedToCommit();
        next.accept(request);
        metrics.proposalProcessTimeMs.record(StageMetrics.msSince(preparedNanos));
    }

    /**
     * Prepares one request: a write gets its zxid and transaction, to be logged and proposed as the entry returned
     * (null for any other request).
     */
    private LogEntry prepare(Request request) {
        if (!(request.operation() instanceof WriteOperation write)) {
            if (!(request.operation() instanceof Ping) && sessions.state(request.sessionId()) != SessionState.ACTIVE
                    && request.client() != null) {
                request.setPrepError(ErrorCode.SESSIONEXPIRED.code());
            }
            return null;
        }
        long zxid = ++lastZxid;
        assert zxid > 0 : "zxid 0x" + Long.toHexString(zxid) + " wrapped around";
        long timeMs = wallClockMs.getAsLong();
        TxnHeader header = new TxnHeader(request.sessionId(), request.xid(), zxid, timeMs, write.opCode());
        JuteRecord txn;
        try {
            if (write.needsActiveSession() && sessions.state(request.sessionId()) != SessionState.ACTIVE) {
                throw new KeeperFailure(ErrorCode.SESSIONEXPIRED);
            }
            txn = write.prepare(preparation, new TxnStamp(request.sessionId(), request.authIds(), zxid, timeMs));
        } catch (KeeperFailure e) {
            header = new TxnHeader(header.clientId(), header.cxid(), zxid, header.time(), OpCode.ERROR);
            txn = new ErrorTxn(e.code().code());
        }
        long digest = pending.currentDigest();
        request.setTxn(header, txn, digest);
        return entry(header, txn, new TxnDigest(DataTree.digestVersion(), digest));
    }

    /**
     * Header, transaction and the tree digest after it, as Apache 3.9 logs them with digests enabled; a leader
     * proposes the same bytes.
     */
    private LogEntry entry(TxnHeader header, JuteRecord txn, TxnDigest digest) {
        writer.reset();
        header.write(writer);
        if (txn != null) {
            txn.write(writer);
        }
        digest.write(writer);
        return new LogEntry(header.zxid(), writer.toByteArray());
    }

    private CompletionStage<Void> log(LogEntry entry) {
        try {
            return proposer.propose(entry, storage.append(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private CompletionStage<Void> sync() {
        try {
            return proposer.sync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    long lastZxid() {
        return lastZxid;
    }
}
