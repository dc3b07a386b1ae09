package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.failstop.FailStop;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.StageMetrics;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's or observer's request handling, as Apache's CommitProcessor: one thread answers reads from the
 * local tree, forwards writes to the leader and applies committed transactions in zxid order, answering the local
 * client that waits for one. A session's requests are answered in the order it sent them: a read behind one of
 * its writes (or syncs) waits for that answer; other sessions' reads do not.
 *
 * <p>Its inbox is bounded twice by {@link StageSettings#queueCapacity()}: a client request that finds that many
 * client requests queued is refused ({@link #submit} returns false), and the quorum's hand-over of a committed
 * transaction waits for room ({@link #committed}); this thread never waits for the quorum, so that wait ends.
 * Requests parked behind their session's write stay counted by {@link Admission} until answered, which stops
 * connections from reading past {@code globalOutstandingLimit}.
 */
public final class LearnerStage implements RequestSink {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerStage.class);

    private sealed interface Event permits FromClient, Committed, SyncDone, Stop {
    }

    private record FromClient(Request request) implements Event {
    }

    /** @param receivedNanos when the leader's commit reached this stage */
    private record Committed(CommittedTxn txn, long receivedNanos) implements Event {
    }

    private record SyncDone(Request request, Throwable failure) implements Event {
    }

    private record Stop() implements Event {
    }

    /** Unbounded as a structure: the two rooms bound client requests and commits, sync answers follow syncs. */
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Room clientRoom;
    private final Room commitRoom;
    private final Admission admission;
    /** Per session, the requests not answered yet, oldest first; the head is a write or a sync. Thread-confined. */
    private final Map<Long, ArrayDeque<Request>> waiting = new HashMap<>();
    /** Syncs the leader confirmed while a write of their session was still ahead of them. Thread-confined. */
    private final Set<Request> syncsConfirmed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final CommitEffects applier;
    private final Replies replies;
    private final SessionTracker sessions;
    private final Forwarder forwarder;
    private final Consumer<TxnHeader> afterTxn;
    private final FailStop failStop;
    private final StageMetrics metrics;
    private final Thread thread = new Thread(this::run, "menagerie-learner");
    private volatile boolean stopping;
    private volatile int waitingCount;
    /** Thread-confined: the zxid of the last transaction applied, for the assertion that zxids only grow. */
    private long lastAppliedZxid;

    /** @param forwarder where writes and syncs go: the leader, through the quorum peer */
    public LearnerStage(StageContext context, Forwarder forwarder) {
        Database db = context.db();
        Access access = context.access();
        this.applier = new CommitEffects(db.tree(), db.watches(), db.sessions(), access.audit(),
                context.metrics().digestMismatches);
        this.replies = Replies.of(context);
        this.sessions = db.sessions();
        this.forwarder = forwarder;
        this.afterTxn = context.afterTxn();
        this.failStop = context.failStop();
        this.metrics = context.metrics().stages;
        this.admission = context.admission();
        this.clientRoom = new Room(context.settings().queueCapacity());
        this.commitRoom = new Room(context.settings().queueCapacity());
        this.lastAppliedZxid = db.lastProcessedZxid();
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public boolean submit(Request request) {
        if (!clientRoom.tryEnter()) {
            return false;
        }
        events.add(new FromClient(request));
        return true;
    }

    /**
     * A transaction the leader committed; applied on this stage's thread after everything queued before it. Waits
     * while {@link StageSettings#queueCapacity()} commits are queued; after the stage stopped, returns at once (the
     * server then applies it directly).
     *
     * @return false when the stage has stopped and did not take the transaction
     */
    public boolean committed(CommittedTxn txn) {
        try {
            if (!commitRoom.enter()) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over committed 0x"
                    + Long.toHexString(txn.header().zxid()), e);
        }
        events.add(new Committed(txn, System.nanoTime()));
        return true;
    }

    @Override
    public int queued() {
        return events.size() + waitingCount;
    }

    @Override
    public long digestMismatches() {
        return applier.digestMismatches();
    }

    /** Applies the committed transactions already queued, drops the client requests, then ends the thread. */
    @Override
    public void stop(long timeoutMs) throws InterruptedException {
        stopping = true;
        events.add(new Stop());
        thread.join(timeoutMs);
    }

    private void run() {
        try {
            for (Event event = events.take(); !(event instanceof Stop); event = events.take()) {
                if (!handleOrStop(event)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clientRoom.close();
            commitRoom.close();
        }
        waiting.clear();
        syncsConfirmed.clear();
        waitingCount = 0;
    }

    /**
     * Handles one event; false when this server must stop: a committed transaction that cannot be applied leaves
     * the tree behind the leader's for good, so the thread ends and the server fail-stops (Apache's follower
     * thread dies the same way). A client request that fails only costs that request.
     */
    private boolean handleOrStop(Event event) {
        try {
            handle(event);
            return true;
        } catch (RuntimeException e) {
            if (event instanceof Committed committed) {
                failStop.stop(CommitEffects.failedToApply(committed.txn().header()), e);
                return false;
            }
            LOG.error("Learner failed to handle {}", event, e);
            return true;
        }
    }

    private void handle(Event event) {
        if (event instanceof Committed committed) {
            commitRoom.leave(1);
            apply(committed.txn(), committed.receivedNanos());
        } else if (event instanceof FromClient fromClient) {
            metrics.learnerQueueSize.record(clientRoom.occupied());
            clientRoom.leave(1);
            if (stopping) {
                released(fromClient.request());
            } else {
                request(fromClient.request());
            }
        } else if (stopping) {
            return;
        } else if (event instanceof SyncDone done) {
            syncDone(done.request(), done.failure());
        }
    }

    private void request(Request request) {
        int type = request.type();
        boolean write = request.isWrite();
        if (type != OpCode.CREATE_SESSION && type != OpCode.PING
                && sessions.state(request.sessionId()) == SessionState.UNKNOWN) {
            released(request);
            replies.reply(request, ErrorCode.SESSIONEXPIRED.code(), null);
            return;
        }
        ArrayDeque<Request> queue = waiting.get(request.sessionId());
        if (!write && type != OpCode.SYNC && queue == null) {
            released(request);
            replies.read(request);
            metrics.commitStageReadsIssued.record(1);
            return;
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
            waiting.put(request.sessionId(), queue);
        }
        queue.add(request);
        metrics.requestsInSessionQueue.record(queue.size());
        waitingCount++;
        if (request.operation() instanceof WriteOperation operation) {
            forwarder.forward(request.sessionId(), request.xid(), type, operation.toBytes(),
                    authIds(request.authIds()));
        } else if (type == OpCode.SYNC) {
            forwarder.sync().whenComplete((ignored, failure) -> events.add(new SyncDone(request, failure)));
        }
    }

    private void apply(CommittedTxn txn, long receivedNanos) {
        long applyNanos = System.nanoTime();
        metrics.commitStageCommitsQueued.record(commitRoom.occupied() + 1);
        metrics.commitsQueued.increment();
        TxnHeader header = txn.header();
        assert header.zxid() > lastAppliedZxid : "learner got committed 0x" + Long.toHexString(header.zxid())
                + " after 0x" + Long.toHexString(lastAppliedZxid);
        lastAppliedZxid = header.zxid();
        metrics.applying(header.time());
        ProcessTxnResult result = applier.apply(header, txn.txn(), txn.expectedDigest());
        ArrayDeque<Request> queue = waiting.get(header.clientId());
        Request write = queue == null || stopping ? null : firstWrite(queue);
        long committedMs = (applyNanos - receivedNanos) / 1_000_000;
        int readsReleased = 0;
        if (write != null && write.xid() == header.cxid()) {
            metrics.localWriteCommittedTimeMs.record(committedMs);
            metrics.pendingSessionQueueSize.record(waiting.size());
            metrics.requestsInSessionQueue.record(queue.size());
            queue.remove(write);
            waitingCount--;
            released(write);
            write.setTxn(header, txn.txn(), 0);
            replies.answerWrite(write, header, result);
            readsReleased = answerReadsAfter(header.clientId(), queue);
            metrics.readsAfterWriteInSessionQueue.record(readsReleased);
            metrics.sessionQueuesDrained.record(1);
        } else {
            metrics.serverWriteCommittedTimeMs.record(committedMs);
            metrics.sessionQueuesDrained.record(0);
        }
        metrics.readsIssuedFromSessionQueue.record(readsReleased);
        afterTxn.accept(header);
        long applyMs = StageMetrics.msSince(applyNanos);
        metrics.writeFinalProcTimeMs.record(applyMs);
        metrics.commitStageWriteBatchTimeMs.record(applyMs);
        metrics.commitStageWritesIssued.record(1);
    }

    /** The session's oldest waiting write: the head, or behind syncs the leader has not confirmed yet. */
    private static Request firstWrite(ArrayDeque<Request> queue) {
        for (Request request : queue) {
            if (request.isWrite()) {
                return request;
            }
            if (request.type() != OpCode.SYNC) {
                return null;
            }
        }
        return null;
    }

    private void syncDone(Request sync, Throwable failure) {
        if (failure != null) {
            LOG.warn("{} failed ({}); closing its connection", sync, failure.toString());
            sync.client().closeAfterReplies();
            return;
        }
        ArrayDeque<Request> queue = waiting.get(sync.sessionId());
        if (queue == null || !queue.contains(sync)) {
            return;
        }
        syncsConfirmed.add(sync);
        answerReadsAfter(sync.sessionId(), queue);
    }

    /**
     * Answers the reads that waited behind the request just answered, and confirmed syncs, up to the session's next
     * write or unconfirmed sync; returns how many it answered.
     */
    private int answerReadsAfter(long sessionId, ArrayDeque<Request> queue) {
        int answered = 0;
        while (!queue.isEmpty() && !queue.peek().isWrite()
                && (queue.peek().type() != OpCode.SYNC || syncsConfirmed.remove(queue.peek()))) {
            replies.read(taken(queue));
            answered++;
        }
        if (queue.isEmpty()) {
            waiting.remove(sessionId);
        }
        return answered;
    }

    private Request taken(ArrayDeque<Request> queue) {
        waitingCount--;
        Request request = queue.poll();
        released(request);
        return request;
    }

    /** The stage is done with a client's request: it leaves the admission count before any reply to it. */
    private void released(Request request) {
        if (request.client() != null) {
            admission.release(request);
        }
    }

    private static List<Forwarder.AuthId> authIds(List<Id> ids) {
        List<Forwarder.AuthId> out = new ArrayList<>(ids.size());
        for (Id id : ids) {
            out.add(new Forwarder.AuthId(id.scheme(), id.id()));
        }
        return out;
    }
}
