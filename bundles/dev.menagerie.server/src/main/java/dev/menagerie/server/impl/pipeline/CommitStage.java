package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Xids;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import dev.menagerie.server.impl.tree.WatchTrigger;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: one thread takes requests in the order prep saw them, waits until each transaction is durable,
 * applies it to the tree, fires the watches it triggers and then replies, so a client sees a watch event before
 * any reply that reflects the change, and every session's replies come in request order.
 */
public final class CommitStage {

    private static final Logger LOG = LoggerFactory.getLogger(CommitStage.class);
    private final RequestQueue queue = new RequestQueue(this::handle);
    private final DataTree tree;
    private final PendingChanges pending;
    private final WatchRouter watches;
    private final SessionTracker sessions;
    private final ReadHandler reads;
    private final Consumer<TxnHeader> afterTxn;
    private final java.util.concurrent.atomic.AtomicLong digestMismatches = new java.util.concurrent.atomic.AtomicLong();

    CommitStage(DataTree tree, PendingChanges pending, WatchRouter watches, SessionTracker sessions,
            ReadHandler reads, Consumer<TxnHeader> afterTxn) {
        this.tree = tree;
        this.pending = pending;
        this.watches = watches;
        this.sessions = sessions;
        this.reads = reads;
        this.afterTxn = afterTxn;
    }

    void submit(Request request) {
        queue.submit(request);
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

    private void handle(Request request) {
        try {
            commit(request);
        } catch (RuntimeException e) {
            LOG.error("Failed to complete {}", request, e);
            reply(request, ErrorCode.SYSTEMERROR.code(), null);
        }
    }

    void commit(Request request) {
        if (request.prepError() != 0) {
            reply(request, request.prepError(), null);
            return;
        }
        TxnHeader header = request.header();
        if (header == null) {
            read(request);
            return;
        }
        if (!waitDurable(request)) {
            pending.applied(header.zxid());
            reply(request, ErrorCode.SYSTEMERROR.code(), null);
            return;
        }
        ProcessTxnResult result = tree.apply(header, request.txn());
        pending.applied(header.zxid());
        checkDigest(header, request.expectedDigest());
        for (WatchTrigger trigger : result.triggers()) {
            watches.fire(trigger.path(), trigger.type(), header.zxid(), trigger.acl());
        }
        if (header.type() == OpCode.CLOSE_SESSION) {
            sessions.remove(header.clientId());
        }
        // The reply goes first: closing a session's connection afterwards must not drop its closeSession reply.
        answerWrite(request, header, result);
        afterTxn.accept(header);
    }

    /**
     * The digest logged with the transaction was computed in prep; after applying it, the tree must agree. Apache
     * reports a mismatch the same way: it means prep and apply disagree about what the transaction did.
     */
    private void checkDigest(TxnHeader header, long expected) {
        long actual = tree.digest();
        if (actual != expected && digestMismatches.getAndIncrement() < 10) {
            LOG.warn("Digest mismatch after transaction 0x{} ({}): logged {}, tree {}",
                    Long.toHexString(header.zxid()), dev.menagerie.protocol.OpCode.name(header.type()), expected,
                    actual);
        }
    }

    long digestMismatches() {
        return digestMismatches.get();
    }

    private boolean waitDurable(Request request) {
        try {
            request.durable().join();
            return true;
        } catch (CompletionException e) {
            LOG.error("Transaction 0x{} could not be written to the log, so {} fails: {}",
                    Long.toHexString(request.header().zxid()), request, e.getCause().toString());
            return false;
        }
    }

    private void answerWrite(Request request, TxnHeader header, ProcessTxnResult result) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        switch (request.type()) {
            case OpCode.CREATE_SESSION -> {
                client.sessionEstablished(true);
                client.requestDone(request.type(), header.zxid(), elapsedMs(request));
            }
            case OpCode.CLOSE_SESSION -> {
                reply(request, 0, null);
                client.closeAfterReplies();
            }
            case OpCode.MULTI -> {
                if (header.type() == OpCode.ERROR) {
                    reply(request, ((ErrorTxn) request.txn()).err(), null);
                } else {
                    // As Apache's FinalRequestProcessor: a multi that failed part-way still answers OK with every
                    // op's result; the client takes the first error result as the outcome.
                    reply(request, 0, WriteReplies.body(request.type(), result));
                }
            }
            default -> {
                int err = header.type() == OpCode.ERROR ? ((ErrorTxn) request.txn()).err() : result.err();
                JuteRecord body = err == 0 ? WriteReplies.body(request.type(), result) : null;
                reply(request, err, body);
            }
        }
    }

    private void read(Request request) {
        if (request.type() == OpCode.PING) {
            ClientLink client = request.client();
            if (client != null) {
                client.reply(Xids.PING, tree.lastProcessedZxid(), 0, null);
                client.requestDone(request.type(), tree.lastProcessedZxid(), elapsedMs(request));
            }
            return;
        }
        ReadHandler.Reply reply;
        try {
            reply = reads.handle(request);
        } catch (JuteException e) {
            LOG.info("Request {} does not decode: {}", request, e.getMessage());
            reply = ReadHandler.Reply.error(ErrorCode.MARSHALLINGERROR);
        }
        reply(request, reply.err(), reply.err() == 0 ? reply.body() : null);
    }

    private void reply(Request request, int err, JuteRecord body) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        long zxid = tree.lastProcessedZxid();
        client.reply(request.xid(), zxid, err, body);
        client.requestDone(request.type(), zxid, elapsedMs(request));
    }

    private static long elapsedMs(Request request) {
        return (System.nanoTime() - request.receivedNanos()) / 1_000_000;
    }
}
