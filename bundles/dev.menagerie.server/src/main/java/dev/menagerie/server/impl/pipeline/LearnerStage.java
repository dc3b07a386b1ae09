package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.op.ReadContext;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import dev.menagerie.server.impl.watch.WatchRouter;
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
 */
public final class LearnerStage implements RequestSink {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerStage.class);

    private sealed interface Event permits FromClient, Committed, SyncDone, Stop {
    }

    private record FromClient(Request request) implements Event {
    }

    private record Committed(CommittedTxn txn) implements Event {
    }

    private record SyncDone(Request request, Throwable failure) implements Event {
    }

    private record Stop() implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Per session, the requests not answered yet, oldest first; the head is a write or a sync. Thread-confined. */
    private final Map<Long, ArrayDeque<Request>> waiting = new HashMap<>();
    /** Syncs the leader confirmed while a write of their session was still ahead of them. Thread-confined. */
    private final Set<Request> syncsConfirmed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final CommitEffects applier;
    private final Replies replies;
    private final SessionTracker sessions;
    private final Forwarder forwarder;
    private final Consumer<TxnHeader> afterTxn;
    private final Thread thread = new Thread(this::run, "menagerie-learner");
    private volatile boolean stopping;
    private volatile int waitingCount;

    public LearnerStage(DataTree tree, SessionTracker sessions, WatchRouter watches, AclChecker acls,
            ProviderRegistry providers, int maxRecordBytes, Forwarder forwarder, Consumer<TxnHeader> afterTxn,
            AuditLog audit) {
        this.applier = new CommitEffects(tree, watches, sessions, audit);
        this.replies = new Replies(tree, new ReadContext(tree, watches, acls, providers),
                new WriteAudit(audit, providers));
        this.sessions = sessions;
        this.forwarder = forwarder;
        this.afterTxn = afterTxn;
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void submit(Request request) {
        events.add(new FromClient(request));
    }

    /** A transaction the leader committed; applied on this stage's thread after everything queued before it. */
    public void committed(CommittedTxn txn) {
        events.add(new Committed(txn));
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
                try {
                    handle(event);
                } catch (RuntimeException e) {
                    LOG.error("Learner failed to handle {}", event, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.clear();
        syncsConfirmed.clear();
        waitingCount = 0;
    }

    private void handle(Event event) {
        if (event instanceof Committed committed) {
            apply(committed.txn());
        } else if (stopping) {
            return;
        } else if (event instanceof FromClient fromClient) {
            request(fromClient.request());
        } else if (event instanceof SyncDone done) {
            syncDone(done.request(), done.failure());
        }
    }

    private void request(Request request) {
        int type = request.type();
        boolean write = request.isWrite();
        if (type != OpCode.CREATE_SESSION && type != OpCode.PING
                && sessions.state(request.sessionId()) == SessionState.UNKNOWN) {
            replies.reply(request, ErrorCode.SESSIONEXPIRED.code(), null);
            return;
        }
        ArrayDeque<Request> queue = waiting.get(request.sessionId());
        if (!write && type != OpCode.SYNC && queue == null) {
            replies.read(request);
            return;
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
            waiting.put(request.sessionId(), queue);
        }
        queue.add(request);
        waitingCount++;
        if (request.operation() instanceof WriteOperation operation) {
            forwarder.forward(request.sessionId(), request.xid(), type, operation.toBytes(),
                    authIds(request.authIds()));
        } else if (type == OpCode.SYNC) {
            forwarder.sync().whenComplete((ignored, failure) -> events.add(new SyncDone(request, failure)));
        }
    }

    private void apply(CommittedTxn txn) {
        TxnHeader header = txn.header();
        ProcessTxnResult result = applier.apply(header, txn.txn(), txn.expectedDigest());
        ArrayDeque<Request> queue = waiting.get(header.clientId());
        Request write = queue == null || stopping ? null : firstWrite(queue);
        if (write != null && write.xid() == header.cxid()) {
            queue.remove(write);
            waitingCount--;
            write.setTxn(header, txn.txn(), 0);
            replies.answerWrite(write, header, result);
            answerReadsAfter(header.clientId(), queue);
        }
        afterTxn.accept(header);
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
     * write or unconfirmed sync.
     */
    private void answerReadsAfter(long sessionId, ArrayDeque<Request> queue) {
        while (!queue.isEmpty() && !queue.peek().isWrite()
                && (queue.peek().type() != OpCode.SYNC || syncsConfirmed.remove(queue.peek()))) {
            replies.read(taken(queue));
        }
        if (queue.isEmpty()) {
            waiting.remove(sessionId);
        }
    }

    private Request taken(ArrayDeque<Request> queue) {
        waitingCount--;
        return queue.poll();
    }

    private static List<Forwarder.AuthId> authIds(List<Id> ids) {
        List<Forwarder.AuthId> out = new ArrayList<>(ids.size());
        for (Id id : ids) {
            out.add(new Forwarder.AuthId(id.scheme(), id.id()));
        }
        return out;
    }
}
