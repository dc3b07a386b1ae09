package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.op.Caller;
import dev.menagerie.server.impl.op.KeeperFailure;
import dev.menagerie.server.impl.op.ReadContext;
import dev.menagerie.server.impl.op.ReadOperation;
import dev.menagerie.server.impl.op.Responder;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.stats.ServerMetrics;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/**
 * Answers clients as Apache's FinalRequestProcessor does, for the commit stage and the learner stage alike: each
 * operation says what its reply is; this sends it with the last applied zxid and tells the connection it is done.
 */
final class Replies {

    private final DataTree tree;
    private final ReadContext reads;
    private final WriteAudit audit;
    private final ServerMetrics metrics;
    private final ResponseCaches caches;

    Replies(DataTree tree, ReadContext reads, WriteAudit audit, ServerMetrics metrics, ResponseCaches caches) {
        this.tree = tree;
        this.reads = reads;
        this.audit = audit;
        this.metrics = metrics;
        this.caches = caches;
    }

    /** Replies from the context's tree, with its access control, feeding its metrics. */
    static Replies of(StageContext context) {
        Database db = context.db();
        Access access = context.access();
        ReadContext reads = new ReadContext(db.tree(), db.watches(), access.acls(), access.providers(),
                context.metrics().namespaceBytes);
        return new Replies(db.tree(), reads, new WriteAudit(access.audit(), access.providers()), context.metrics(),
                new ResponseCaches(context.settings().responseCaches(), context.metrics().responseCache));
    }

    /** Answers a write once its transaction ({@code request.txn()}) is applied with {@code result}. */
    void answerWrite(Request request, TxnHeader header, ProcessTxnResult result) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        if (!(request.operation() instanceof WriteOperation write)) {
            throw new IllegalStateException(request + " has a transaction but is not a write");
        }
        audit.answered(request, write, header, result);
        write.answer(new Responder() {
            @Override
            public void reply(int err, JuteRecord body) {
                Replies.this.reply(request, err, body);
            }

            @Override
            public void sessionEstablished() {
                client.sessionEstablished(true);
                client.requestDone(request.type(), header.zxid(), elapsed(request, true));
            }

            @Override
            public void closeAfterReplies() {
                client.closeAfterReplies();
            }
        }, header, request.txn(), result);
    }

    void read(Request request) {
        if (!(request.operation() instanceof ReadOperation read)) {
            throw new IllegalStateException(request + " is answered as a read but is a write");
        }
        if (request.isStale()) {
            // Nobody is there to read the answer: Apache's throttler drops such a request when it throttles.
            metrics.staleRequests.dropped.increment();
            return;
        }
        ClientLink client = request.client();
        int err = 0;
        JuteRecord body;
        try {
            body = caches.body(read, read.read(reads, new Caller(client, request.sessionId(), request.authIds())));
        } catch (KeeperFailure e) {
            err = e.code().code();
            body = null;
        }
        send(request, read.replyXid(request.xid()), err, body);
    }

    void reply(Request request, int err, JuteRecord body) {
        send(request, request.xid(), err, body);
    }

    private void send(Request request, int xid, int err, JuteRecord body) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        long zxid = tree.lastProcessedZxid();
        if (request.isStale()) {
            metrics.staleRequests.replies.increment();
        }
        client.reply(xid, zxid, err, body);
        client.requestDone(request.type(), zxid,
                elapsed(request, request.operation() instanceof WriteOperation));
    }

    /** As Apache, a request with a transaction counts as an update, any other (a read, a ping) as a read. */
    private long elapsed(Request request, boolean update) {
        long latencyMs = (System.nanoTime() - request.receivedNanos()) / 1_000_000;
        (update ? metrics.updateLatency : metrics.readLatency).record(latencyMs);
        return latencyMs;
    }
}
